import { type CSSResult, css } from 'lit';

/**
 * What the console's command forms add to the screens' styles: disclosures whose summary is a 44 px
 * target, and the confirmation box.
 */
export const formStyles: CSSResult = css`
  details > summary {
    min-height: max(44px, var(--linli-target, 2.75rem));
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--linli-color-link);
  }
  details > form {
    margin-top: 0.5em;
  }
  .confirm {
    border: 2px solid var(--linli-color-primary);
    border-radius: 8px;
    padding: 0.75em 1em;
  }
  .done:empty {
    display: none;
  }
`;
