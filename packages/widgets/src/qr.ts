/**
 * `@linli/widgets/qr`: the QR code the printed 公示 carries, for pages that show a link or a code to
 * scan (the residents' app shows one to add a family member's phone). Inline SVG, black on white in
 * every theme, built from numbers only.
 *
 * @packageDocumentation
 */
export { qrCode, qrPath } from './internal/qr-code.js';
