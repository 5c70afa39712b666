import { type CSSResult, css } from 'lit';

/**
 * What the console's command forms add to the screens' styles: date and multi-line fields like the
 * text ones, disclosures whose summary is a 44 px target, and the confirmation box.
 */
export const formStyles: CSSResult = css`
  input[type='date'],
  input[type='search'],
  textarea {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 0.4em 0.6em;
    border: 1px solid var(--linli-color-border);
    border-radius: 6px;
    background: var(--linli-color-background);
    color: var(--linli-color-text);
  }
  input[type='date'],
  input[type='search'] {
    min-height: max(44px, var(--linli-target, 2.75rem));
  }
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
