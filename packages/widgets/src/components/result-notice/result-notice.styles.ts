import { type CSSResult, css } from 'lit';

export const noticeStyles: CSSResult = css`
  :host {
    display: block;
    max-width: 48rem;
  }
  h1 {
    font-size: 1.5em;
    margin: 0 0 0.25em;
    text-align: center;
  }
  h2 {
    font-size: 1.2em;
    margin: 0 0 0.5em;
    text-align: center;
  }
  [part='provisional'] {
    border: 2px solid currentColor;
    padding: 0.5em;
    font-weight: 700;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.75em 0;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25em;
  }
  th,
  td {
    border: 1px solid var(--linli-color-border, #57606a);
    padding: 0.2em 0.4em;
    text-align: start;
    vertical-align: top;
    overflow-wrap: break-word;
  }
  .figure {
    font-variant-numeric: tabular-nums;
  }
  /* A phone's columns are narrower than some words: break anywhere there, between words elsewhere. */
  @media (max-width: 40rem) {
    th,
    td {
      overflow-wrap: anywhere;
    }
  }
  code {
    /* Not bare monospace, which browsers shrink to 13 px. */
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    font-size: 1em;
  }
  code,
  .url {
    overflow-wrap: anywhere;
    word-break: break-all;
  }
  .qr {
    display: flex;
    gap: 1em;
    align-items: center;
  }
  .qr svg {
    width: 8em;
    height: 8em;
    flex: none;
  }
  @media print {
    table,
    tr {
      break-inside: avoid;
    }
    /* A4 is wide enough to keep a figure on one line; a phone is not. */
    .figure {
      white-space: nowrap;
    }
  }
`;
