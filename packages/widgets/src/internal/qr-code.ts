import { svg, type TemplateResult } from 'lit';
import { encode } from 'uqr';

/**
 * The dark modules of a QR code as one SVG path, one unit per module with a four-module quiet zone.
 * Built from numbers only, so no text reaches the markup except through Lit's attribute bindings.
 */
export function qrPath(text: string): { readonly size: number; readonly d: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size, d };
}

/** A QR code for `text` as inline SVG (no canvas), black on white whatever the page's theme. */
export function qrCode(text: string, label: string): TemplateResult {
  const { size, d } = qrPath(text);
  return svg`<svg part="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${label}
    shape-rendering="crispEdges"><rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
}
