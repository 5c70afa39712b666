import { type CSSResult, css } from 'lit';
import { blackOnWhite } from '../print/a4-page.js';

/**
 * The printed fund pages: black on white whatever the theme, tables that fit an A4 page, and no
 * buttons or links to the console on the paper.
 */
export const paperStyles: CSSResult = css`
  ${blackOnWhite}
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    /* A room number or an amount breaks nowhere (the screens' text may break anywhere). */
    overflow-wrap: normal;
    border: 1px solid var(--linli-color-border);
    padding: 0.3em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  td.money,
  th.money {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* Dates and invoice numbers are read (and copied) whole on a screen. */
  td.nowrap,
  td.code {
    white-space: nowrap;
  }
  /* A wide table scrolls inside its own region on a phone instead of crushing its columns. */
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .scroll table {
    width: max-content;
    min-width: 100%;
  }
  .hash {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    word-break: break-all;
  }
  @media print {
    :host {
      font-size: max(11pt, 1em);
    }
    .scroll {
      overflow: visible;
    }
    .scroll table {
      width: 100%;
    }
    /* On paper nothing scrolls: a long invoice number wraps rather than push the table off the page. */
    td.code {
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
`;
