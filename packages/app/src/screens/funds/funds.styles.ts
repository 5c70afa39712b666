import { css } from 'lit';

/** What the fund screens add to the screens' styles: figures, tables that scroll in their own region. */
export const fundStyles = css`
  ul.funds {
    list-style: none;
    padding: 0;
    margin: 0 0 1em;
  }
  dl.figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    gap: 0.5em 1em;
    margin: 0;
  }
  dl.figures dt {
    color: var(--linli-color-muted);
  }
  dl.figures dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .table-region {
    overflow-x: auto;
    max-width: 100%;
    margin: 0 0 1em;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    overflow-wrap: normal;
    white-space: nowrap;
    border-bottom: 1px solid var(--linli-color-border);
    padding: 0.35em 0.6em;
    text-align: start;
    vertical-align: top;
  }
  td a {
    white-space: nowrap;
    min-width: 44px;
  }
  td.wrap {
    white-space: normal;
    min-width: 8em;
  }
  td.num,
  th.num {
    text-align: end;
    white-space: nowrap;
  }
  input[type='date'] {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 0.4em 0.6em;
    border: 1px solid var(--linli-color-border);
    border-radius: 6px;
    background: var(--linli-color-background);
    color: var(--linli-color-text);
  }
  .floors {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7em, 1fr));
    gap: 0.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .reversed td {
    text-decoration: line-through;
  }
`;
