import { type CSSResult, css } from 'lit';

/**
 * Paper look for the printed elements: black on white whatever the theme (a dark page prints badly
 * and wastes toner), at least 12 pt, and no buttons.
 */
export const printStyles: CSSResult = css`
  @media print {
    :host {
      color: #000 !important;
      background: #fff !important;
      font-size: max(12pt, 1em);
    }
    * {
      color: #000 !important;
      background: transparent !important;
      border-color: #000 !important;
    }
    button,
    [data-screen-only] {
      display: none !important;
    }
  }
`;

const PAGE_RULE = '@page { size: A4; margin: 15mm 15mm 18mm; }';
let pageRuleAdded = false;

/**
 * Adds the A4 page rule to the document once: `@page` has no effect inside a shadow root, so a
 * printed element has to put it where the browser's print looks.
 */
export function ensureA4PageRule(doc: Document = document): void {
  if (pageRuleAdded) return;
  pageRuleAdded = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PAGE_RULE);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
