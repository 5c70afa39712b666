import { type CSSResult, css } from 'lit';

/**
 * Paper is black on white whatever the theme: a dark or tinted screen would print as a grey page.
 * For the styles of any screen that prints.
 */
export const blackOnWhite: CSSResult = css`
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
  }
`;

let added = false;

/**
 * Puts the A4 page rule on the document once, where the browser's print looks for it: `@page` does
 * nothing inside a shadow root, so a screen's own styles cannot set the paper size.
 */
export function a4Page(doc: Document = document): void {
  if (added) return;
  added = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('@page { size: A4; margin: 15mm; }');
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
