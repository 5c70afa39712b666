import { css } from 'lit';

/**
 * The screen's look, from the `--linli-*` custom properties a page (or its dark theme) sets; the
 * defaults pass WCAG AA in light and dark. `--linli-font-scale` (or the `large-text` attribute) scales
 * every size, and targets stay at least 44 px. Below 40rem the table turns into one card per row, so
 * a 360 px phone never scrolls sideways.
 */
export const registerImportStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--linli-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-size: calc(var(--linli-font-size, 1rem) * var(--linli-font-scale, 1));
    line-height: 1.5;
    color: var(--linli-color-text, #1f2328);
    --surface: var(--linli-color-surface, #ffffff);
    --border: var(--linli-color-border, #57606a);
    --muted: var(--linli-color-muted, #57606a);
    --primary: var(--linli-color-primary, #0b5cad);
    --on-primary: var(--linli-color-on-primary, #ffffff);
    --danger: var(--linli-color-danger, #b3261e);
    --focus: var(--linli-color-focus, #bf4b00);
    --success: var(--linli-color-success, #1a7f37);
    --disabled: var(--linli-color-disabled, #eaeef2);
    --on-disabled: var(--linli-color-on-disabled, #545d68);
  }
  :host([large-text]) {
    --linli-font-scale: 1.25;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color: var(--linli-color-text, #e6edf3);
      --surface: var(--linli-color-surface, #161b22);
      --border: var(--linli-color-border, #8b949e);
      --muted: var(--linli-color-muted, #9ea7b3);
      --primary: var(--linli-color-primary, #4493f8);
      --on-primary: var(--linli-color-on-primary, #0d1117);
      --danger: var(--linli-color-danger, #ff7b72);
      --focus: var(--linli-color-focus, #ffa657);
      --success: var(--linli-color-success, #3fb950);
      --disabled: var(--linli-color-disabled, #21262d);
      --on-disabled: var(--linli-color-on-disabled, #9da7b3);
    }
  }
  h1 {
    font-size: 1.5em;
    margin: 0 0 0.5em;
  }
  h2 {
    font-size: 1.2em;
    margin: 1.5em 0 0.5em;
  }
  section,
  fieldset {
    margin: 1em 0;
  }
  fieldset {
    border: 1px solid var(--border);
    border-radius: var(--linli-radius, 6px);
    padding: 0.75em 1em 1em;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .hint {
    color: var(--muted);
    margin: 0.25em 0;
  }
  label {
    display: block;
    font-weight: 600;
  }
  input[type='file'],
  select,
  button,
  summary {
    font: inherit;
    min-height: max(44px, 2.75em);
    box-sizing: border-box;
  }
  input[type='file'] {
    display: block;
    max-width: 100%;
    padding: 0.4em 0;
    color: inherit;
  }
  input[type='file']::file-selector-button {
    font: inherit;
    min-height: max(44px, 2.75em);
    margin-inline-end: 0.75em;
    padding: 0.4em 1em;
    border-radius: var(--linli-radius, 6px);
    border: 1px solid var(--border);
    background: var(--surface);
    color: inherit;
    cursor: pointer;
  }
  select,
  button {
    min-width: 44px;
    max-width: 100%;
    padding: 0.4em 1em;
    border-radius: var(--linli-radius, 6px);
    border: 1px solid var(--border);
    background: var(--surface);
    color: inherit;
    cursor: pointer;
  }
  button[data-primary] {
    background: var(--primary);
    border-color: var(--primary);
    color: var(--on-primary);
    font-weight: 600;
  }
  /* Grey, primary or not: a faded primary still looks pressable and falls under 4.5:1. */
  button:disabled,
  button[data-primary]:disabled {
    cursor: not-allowed;
    background: var(--disabled);
    border-color: var(--border);
    color: var(--on-disabled);
  }
  summary {
    /* A list item keeps the disclosure triangle that says it opens. */
    display: list-item;
    padding-block: 0.5em;
    cursor: pointer;
    font-weight: 600;
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  a {
    color: var(--primary);
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  .error,
  .problem-where {
    color: var(--danger);
  }
  .error {
    font-weight: 600;
  }
  .done {
    color: var(--success);
    font-weight: 600;
  }
  ul.changes {
    margin: 0.25em 0;
    padding-inline-start: 1.25em;
  }
  ol.problems {
    padding-inline-start: 1.5em;
  }
  ol.problems li {
    margin: 0.4em 0;
  }
  .mapping {
    display: grid;
    grid-template-columns: minmax(8em, max-content) minmax(0, 20em);
    gap: 0.5em 1em;
    align-items: center;
    margin: 0.75em 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin: 1em 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    color: var(--muted);
    padding: 0.25em 0;
  }
  th,
  td {
    border-bottom: 1px solid var(--border);
    padding: 0.4em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  td.number {
    font-variant-numeric: tabular-nums;
  }
  @container (max-width: 40rem) {
    .mapping {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25em;
    }
    .mapping select {
      margin-bottom: 0.5em;
      width: 100%;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table,
    caption,
    tbody,
    tr,
    td {
      display: block;
    }
    td:empty {
      display: none;
    }
    tr {
      border: 1px solid var(--border);
      border-radius: var(--linli-radius, 6px);
      margin: 0.5em 0;
      padding: 0.25em 0.75em;
    }
    td {
      display: grid;
      grid-template-columns: 6.5em minmax(0, 1fr);
      gap: 0.5em;
      border: 0;
      padding: 0.15em 0;
      overflow-wrap: anywhere;
    }
    td::before {
      content: attr(data-label);
      color: var(--muted);
    }
  }
`;
