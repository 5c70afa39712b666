import { type CSSResult, css } from 'lit';

/**
 * `<linli-vote>`'s styles. The ranked list: the row being dragged rides above the others and a bar
 * marks where it will land; the grip is a 44 px target a finger holds, and its `touch-action: none`
 * lets the drag, not the page's scrolling, take the finger's move. On a narrow phone in large text the
 * Up / Down buttons wrap together under the option rather than squeezing its name to a letter a line.
 */
export const voteStyles: CSSResult = css`
  :host {
    display: block;
    max-width: 44rem;
  }
  [part='motion'] {
    border: 1px solid var(--linli-color-border, #d0d7de);
    border-radius: var(--linli-radius, 8px);
    padding: 1em;
    background: var(--linli-color-background, #ffffff);
  }
  [part='title'] {
    font-size: 1.3em;
    margin: 0 0 0.3em;
  }
  [part='body'] {
    white-space: pre-wrap;
    margin: 0 0 0.8em;
  }
  [part='status'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-bottom: 0.8em;
  }
  [part~='badge'] {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
    /* Never under the 16 px base: older eyes read badges too. */
    font-size: 1em;
  }
  [part='plain'] {
    margin: 0 0 0.8em;
  }
  [part='plain'] p {
    margin: 0 0 0.4em;
  }
  [part~='summary'] {
    font-size: 1.1em;
  }
  [part='my-ballot'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em 1em;
  }
  [part='my-choice'] {
    font-weight: 600;
    color: var(--linli-color-progress-text, #1a7f37);
  }
  [part='adopted'] {
    margin: 0.4em 0 0;
  }
  [part='adopted'] figcaption {
    font-weight: 600;
  }
  [part='adopted'] blockquote {
    white-space: pre-wrap;
    margin: 0.3em 0 0;
    padding-left: 0.8em;
    border-left: 4px solid var(--linli-color-border, #d0d7de);
  }
  [part='confirmation']:empty {
    display: none;
  }
  [part='confirmation'] {
    font-weight: 600;
    color: var(--linli-color-progress-text, #1a7f37);
  }
  [part='detail'] summary {
    display: flex;
    align-items: center;
    min-height: max(44px, var(--linli-target));
    cursor: pointer;
    color: var(--linli-color-link, #0b5cad);
    text-decoration: underline;
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0 0 0.8em;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.3em;
  }
  ol[part='ranking'] {
    list-style: none;
    padding: 0;
    margin: 0.3em 0;
  }
  ol[part='ranking'] li {
    position: relative;
    border: 1px solid var(--linli-color-border, #d0d7de);
    border-radius: var(--linli-radius, 8px);
    background: var(--linli-color-background, #ffffff);
    padding: 0.2em;
  }
  ol[part='ranking'] li[data-dragging] {
    z-index: 1;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.3);
    outline: 2px solid var(--linli-color-primary, #0b5cad);
  }
  ol[part='ranking'] li[data-drop='before']::before,
  ol[part='ranking'] li[data-drop='after']::after {
    content: '';
    position: absolute;
    left: 0;
    right: 0;
    height: 4px;
    border-radius: 2px;
    background: var(--linli-color-primary, #0b5cad);
  }
  ol[part='ranking'] li[data-drop='before']::before {
    top: -0.35em;
  }
  ol[part='ranking'] li[data-drop='after']::after {
    bottom: -0.35em;
  }
  [part='grip'] {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: center;
    width: 44px;
    min-height: max(44px, var(--linli-target));
    font-size: 1.5em;
    cursor: grab;
    touch-action: none;
    user-select: none;
  }
  [part='grip']::before {
    content: '≡';
  }
  [part='rank-said']:empty {
    display: none;
  }
  ol[part='ranking'] li,
  .points {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0.2em 0;
  }
  ol[part='ranking'] li {
    flex-wrap: wrap;
  }
  [part='rank-label'] {
    flex: 1 1 6em;
  }
  [part='rank-moves'] {
    display: flex;
    gap: 0.5em;
    margin-left: auto;
  }
  .points span {
    flex: 1;
  }
  [part='check'] {
    margin: 0.6em 0;
  }
  [part='bar'] {
    position: relative;
    height: 0.9em;
    background: var(--linli-color-track, #d8dee4);
    border-radius: 999px;
    overflow: visible;
  }
  [part='bar-fill'] {
    height: 100%;
    border-radius: 999px;
    background: var(--linli-color-progress, #1a7f37);
  }
  [part='bar-fill'][data-met='false'] {
    background: var(--linli-color-progress-short, #9a6700);
  }
  [part='bar-threshold'] {
    position: absolute;
    top: -0.25em;
    bottom: -0.25em;
    width: 3px;
    background: var(--linli-color-text, #1f2328);
  }
  [part~='summary'] {
    font-weight: 600;
  }
  @media (prefers-color-scheme: dark) {
    [part='motion'] {
      background: var(--linli-color-background, #0d1117);
      border-color: var(--linli-color-border, #30363d);
    }
    [part='bar'] {
      background: var(--linli-color-track, #30363d);
    }
    [part='bar-fill'] {
      background: var(--linli-color-progress, #3fb950);
    }
    [part='bar-threshold'] {
      background: var(--linli-color-text, #e6edf3);
    }
    [part='my-choice'],
    [part='confirmation'] {
      color: var(--linli-color-progress-text, #3fb950);
    }
    [part='detail'] summary {
      color: var(--linli-color-link, #79c0ff);
    }
    ol[part='ranking'] li {
      background: var(--linli-color-background, #0d1117);
      border-color: var(--linli-color-border, #30363d);
    }
    ol[part='ranking'] li[data-dragging] {
      outline-color: var(--linli-color-primary, #4493f8);
    }
    ol[part='ranking'] li[data-drop='before']::before,
    ol[part='ranking'] li[data-drop='after']::after {
      background: var(--linli-color-primary, #4493f8);
    }
  }
  @media print {
    [part='motion'] {
      border: none;
    }
  }
`;
