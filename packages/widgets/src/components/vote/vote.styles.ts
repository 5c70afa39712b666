import { type CSSResult, css } from 'lit';

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
    padding-left: 1.5em;
  }
  ol[part='ranking'] li,
  .points {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0.2em 0;
  }
  ol[part='ranking'] li span,
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
  }
  @media print {
    [part='motion'] {
      border: none;
    }
  }
`;
