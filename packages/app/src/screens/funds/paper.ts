import { type CSSResult, css } from 'lit';
import { blackOnWhite } from '../print/a4-page.js';

/**
 * The fund papers (receipt, statement) on A4, black on white whatever the theme: the screen's links
 * and buttons stay off the paper. `@page` has no effect inside a shadow root, so the page size is
 * set on the document by `a4Page`.
 */
export const paperStyles: CSSResult = css`
  ${blackOnWhite}
  .paper {
    border: 1px solid var(--linli-color-border);
    padding: 1.5em;
    max-width: 44em;
  }
  .paper h2 {
    text-align: center;
    letter-spacing: 0.3em;
    margin-top: 0;
  }
  .paper dl {
    display: grid;
    grid-template-columns: minmax(6em, max-content) 1fr;
    gap: 0.4em 1em;
  }
  .paper dt {
    font-weight: 600;
  }
  .paper dd {
    margin: 0;
  }
  #receipt-amount {
    white-space: nowrap;
  }
  .hash {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    word-break: break-all;
  }
  @media print {
    .paper {
      border: none;
      padding: 0;
    }
    .table-region {
      overflow: visible;
    }
  }
`;
