import { type CSSResult, css } from 'lit';

/** What the duty screens add to the screens' styles: date fields, the rota tables, confirmations. */
export const dutyFormStyles: CSSResult = css`
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
  /* Every month's table has the same columns, so the months line up one under another. */
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0 0 1em;
    table-layout: fixed;
  }
  th:first-child {
    width: 40%;
  }
  th:nth-child(2) {
    width: 25%;
  }
  table.fairness th:first-child {
    width: 30%;
  }
  table.fairness th:nth-child(2) {
    width: 20%;
  }
  th.num {
    text-align: end;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.3em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.35em 0.4em;
    border-bottom: 1px solid var(--linli-color-border);
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .confirm {
    border: 2px solid var(--linli-color-primary);
    border-radius: 6px;
    padding: 0.75em 1em;
    margin: 0 0 1em;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0 0 1em;
    display: grid;
    gap: 0.75em;
  }
  /* A disclosure reads as a control: a box with its own open/closed mark (flex drops the marker). */
  details {
    margin: 0 0 1em;
  }
  details > summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    gap: 0.5em;
    cursor: pointer;
    font-weight: 600;
    padding: 0.2em 0.8em;
    border: 1px solid var(--linli-color-border);
    border-radius: 6px;
    background: var(--linli-color-background);
  }
  details > summary::before {
    content: '▸' / '';
  }
  details[open] > summary::before {
    content: '▾' / '';
  }
  details[open] > summary {
    margin-bottom: 1em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
