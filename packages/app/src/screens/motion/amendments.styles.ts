import { type CSSResult, css } from 'lit';

/**
 * The amendments section's looks: the body text kept as written (line breaks and spaces), and the diff,
 * where a line's sign (−, +) and its spoken label say what it does and colour only repeats it.
 */
export const amendmentStyles: CSSResult = css`
  .body-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--linli-color-background);
  }
  ol.amendments {
    list-style: none;
    padding: 0;
    margin: 0 0 1em;
  }
  h4 {
    font-size: 1em;
    margin: 0 0 0.5em;
  }
  h4:focus {
    outline: none;
  }
  .status {
    font-size: 1rem;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.6em;
    white-space: nowrap;
  }
  .status.accepted {
    color: var(--linli-color-success);
  }
  .status.rejected {
    color: var(--linli-color-danger);
  }
  .diff {
    border: 1px solid var(--linli-color-border);
    border-radius: 6px;
    background: var(--linli-color-background);
    margin: 0 0 1em;
    padding: 0.25em 0;
  }
  .line {
    display: flex;
    gap: 0.5em;
    padding: 0.1em 0.5em;
    border-left: 4px solid transparent;
  }
  .line.removed {
    border-left-color: var(--linli-color-danger);
  }
  .line.added {
    border-left-color: var(--linli-color-success);
  }
  .mark {
    flex: none;
    width: 1em;
    font-weight: 700;
  }
  .line .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  del,
  ins {
    background: var(--linli-color-highlight);
    color: var(--linli-color-text);
  }
  del {
    text-decoration: line-through;
  }
  ins {
    text-decoration: underline;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
