import { type CSSResult, css } from 'lit';

/**
 * Styles every Linli element shares. `--linli-font-scale` is the large-text switch: a page (or a
 * `large-text` attribute) sets it to 1.25 or more for older readers, and every size follows.
 */
export const baseStyles: CSSResult = css`
  :host {
    --linli-font-scale: 1;
    font-family: var(--linli-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-size: calc(var(--linli-font-size, 1rem) * var(--linli-font-scale));
    color: var(--linli-color-text, #1f2328);
  }
  :host([large-text]) {
    --linli-font-scale: 1.3;
  }
  :host([hidden]) {
    display: none;
  }
`;
