import { type CSSResult, css } from 'lit';

export const moneyStyles: CSSResult = css`
  :host {
    display: inline;
    font-variant-numeric: tabular-nums;
  }
  [part='error'] {
    color: var(--linli-color-danger, #b3261e);
  }
`;
