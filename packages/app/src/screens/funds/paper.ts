import { type CSSResult, css } from 'lit';

/**
 * The fund papers (receipt, statement) on A4, black on white whatever the theme: the screen's links
 * and buttons stay off the paper. `@page` has no effect inside a shadow root, so the page size is
 * set on the document by {@link a4Page}.
 */
export const paperStyles: CSSResult = css`
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
    :host {
      color: #000 !important;
      background: #fff !important;
    }
    * {
      color: #000 !important;
      background: transparent !important;
      border-color: #000 !important;
    }
    .paper {
      border: none;
      padding: 0;
    }
    .table-region {
      overflow: visible;
    }
  }
`;

let added = false;

/** Puts the A4 page rule on the document once, where the browser's print looks for it. */
export function a4Page(doc: Document = document): void {
  if (added) return;
  added = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('@page { size: A4; margin: 15mm; }');
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
