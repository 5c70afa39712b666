import { type CSSResult, css } from 'lit';

/**
 * Styles every Linli element shares. `--linli-font-scale` is the large-text switch: the `large-text`
 * attribute sets it to 1.25 (a 20 px base) with 44 px targets for older readers, and a page can set it
 * for every element at once; every size follows. Colours are custom properties a page (or a dark
 * theme) can set from outside.
 */
export const baseStyles: CSSResult = css`
  :host {
    --linli-target: 2.75rem;
    font-family: var(--linli-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-size: calc(var(--linli-font-size, 1rem) * var(--linli-font-scale, 1));
    color: var(--linli-color-text, #1f2328);
    line-height: 1.5;
  }
  :host([large-text]) {
    --linli-font-scale: 1.25;
  }
  :host([hidden]) {
    display: none;
  }
  /* A queued command or a stale view: a plain notice on its own surface, readable on any page. */
  [part~='queued'],
  [part~='stale'] {
    margin: 0.5em 0;
    padding: 0.5em 0.75em;
    border: 2px solid var(--linli-color-border, #57606a);
    border-inline-start-width: 6px;
    border-radius: 6px;
    background: var(--linli-color-surface, #ffffff);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color: var(--linli-color-text, #e6edf3);
    }
    [part~='queued'],
    [part~='stale'] {
      border-color: var(--linli-color-border, #8b949e);
      background: var(--linli-color-surface, #161b22);
    }
  }
`;

/** Buttons and form controls large enough to hit (WCAG 2.5.8; 44 px here for older hands). */
export const controlStyles: CSSResult = css`
  button,
  select {
    font: inherit;
    min-height: max(44px, var(--linli-target));
    min-width: 44px;
    padding: 0.4em 1em;
    border-radius: var(--linli-radius, 6px);
    border: 1px solid var(--linli-color-border, #57606a);
    background: var(--linli-color-surface, #ffffff);
    color: inherit;
    cursor: pointer;
  }
  button[data-primary] {
    background: var(--linli-color-primary, #0b5cad);
    border-color: var(--linli-color-primary, #0b5cad);
    color: var(--linli-color-on-primary, #ffffff);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 3px solid var(--linli-color-focus, #bf4b00);
    outline-offset: 2px;
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-height: max(44px, var(--linli-target));
    padding: 0 0.5em;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.3em;
    height: 1.3em;
    margin: 0;
  }
  [part~='error'] {
    color: var(--linli-color-danger, #b3261e);
  }
  @media (prefers-color-scheme: dark) {
    button,
    select {
      background: var(--linli-color-surface, #161b22);
      border-color: var(--linli-color-border, #8b949e);
    }
    button[data-primary] {
      background: var(--linli-color-primary, #4493f8);
      border-color: var(--linli-color-primary, #4493f8);
      color: var(--linli-color-on-primary, #0d1117);
    }
  }
  @media print {
    button,
    select,
    form {
      display: none;
    }
  }
`;
