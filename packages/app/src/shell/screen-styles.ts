import { type CSSResult, css } from 'lit';

/**
 * What every screen shares: readable text (16 px and up, scaled by the large-text switch), targets
 * of at least 44 × 44 px, a visible focus ring, nothing wider than a 360 px phone, and the theme's
 * `--linli-color-*` properties (set on `<html>` by the shell).
 */
export const screenStyles: CSSResult = css`
  :host {
    display: block;
    font-size: calc(1rem * var(--linli-font-scale, 1));
    line-height: 1.6;
    color: var(--linli-color-text);
    overflow-wrap: anywhere;
  }
  h1 {
    font-size: 1.6em;
    line-height: 1.3;
    margin: 0 0 0.75em;
  }
  /* The shell focuses the heading at each route change for screen readers; it is not a control. */
  h1:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  h2 {
    font-size: 1.25em;
    margin: 1.25em 0 0.5em;
  }
  p {
    margin: 0 0 1em;
    max-width: 40em;
  }
  /* Every link here stands on its own (none inside a sentence), so each is a 44 px target. */
  a {
    display: inline-flex;
    align-items: center;
    color: var(--linli-color-link);
    text-underline-offset: 0.15em;
  }
  a,
  button,
  input,
  select,
  label.choice {
    min-height: max(44px, var(--linli-target, 2.75rem));
  }
  a.action,
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 44px;
    padding: 0.4em 1.1em;
    border-radius: 6px;
    border: 1px solid var(--linli-color-border);
    background: var(--linli-color-surface);
    color: var(--linli-color-text);
    font: inherit;
    cursor: pointer;
    text-decoration: none;
  }
  a.action.primary,
  button.primary {
    background: var(--linli-color-primary);
    border-color: var(--linli-color-primary);
    color: var(--linli-color-on-primary);
  }
  /* Grey whatever the button's kind: a faded primary still looks pressable and loses contrast. */
  button:disabled {
    cursor: progress;
    background: var(--linli-color-disabled);
    border-color: var(--linli-color-border);
    color: var(--linli-color-on-disabled);
  }
  :focus-visible {
    outline: 3px solid var(--linli-color-focus);
    outline-offset: 2px;
  }
  form {
    display: grid;
    gap: 1.1em;
    max-width: 32em;
  }
  fieldset {
    border: 1px solid var(--linli-color-border);
    border-radius: 6px;
    padding: 0.75em 1em 1em;
    margin: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.3em;
  }
  .field {
    display: grid;
    gap: 0.3em;
  }
  .field + .field,
  .field + fieldset,
  .field + .actions {
    margin-top: 1.1em;
  }
  label {
    font-weight: 600;
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: 0.6em;
    font-weight: normal;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    /* Form controls do not inherit the font size; the box follows the large-text switch. */
    font-size: inherit;
    flex: none;
    width: 1.3em;
    height: 1.3em;
    min-height: 0;
    margin: 0;
    accent-color: var(--linli-color-primary);
  }
  input[type='text'],
  input[type='password'],
  input[type='number'],
  input[type='datetime-local'],
  input[type='date'],
  input[type='search'],
  textarea,
  select {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 0.4em 0.6em;
    border: 1px solid var(--linli-color-border);
    border-radius: 6px;
    background: var(--linli-color-background);
    color: var(--linli-color-text);
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--linli-color-danger);
  }
  .hint {
    color: var(--linli-color-muted);
    margin: 0;
  }
  .error {
    color: var(--linli-color-danger);
    font-weight: 600;
    margin: 0;
  }
  .alert {
    border: 2px solid var(--linli-color-danger);
    border-radius: 6px;
    padding: 0.6em 0.9em;
    margin: 0 0 1em;
  }
  .card {
    border: 1px solid var(--linli-color-border);
    border-radius: 8px;
    background: var(--linli-color-surface);
    padding: 1em;
    margin: 0 0 1em;
  }
  .card > :first-child {
    margin-top: 0;
  }
  .card > :last-child {
    margin-bottom: 0;
  }
  code.secret {
    display: block;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.15em;
    padding: 0.6em;
    border: 2px dashed var(--linli-color-border);
    border-radius: 6px;
    background: var(--linli-color-background);
    word-break: break-all;
    user-select: all;
  }
  ul.links {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5em;
  }
  ul.links a {
    display: flex;
    align-items: center;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  @media print {
    button,
    .no-print {
      display: none;
    }
  }
`;
