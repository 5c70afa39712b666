import { type CSSResult, css } from 'lit';

/** The motion and paper-entry pages' own looks, on top of the shared screen styles. */
export const motionStyles: CSSResult = css`
  section {
    margin: 0 0 1.5em;
  }
  /* The widget's badge is a size smaller; on these pages no text goes under 16 px. */
  linli-vote::part(badge) {
    font-size: 1em;
  }
  h3 {
    font-size: 1.1em;
    margin: 0 0 0.5em;
  }
  h3:focus {
    outline: none;
  }
  .confirm {
    max-width: 36em;
  }
  ol.history,
  ul.plain {
    padding: 0;
    margin: 0;
    list-style: none;
    display: grid;
    gap: 0.6em;
  }
  ol.history li,
  ul.plain li {
    border-left: 3px solid var(--linli-color-border);
    padding-left: 0.75em;
    display: grid;
  }
  .when {
    color: var(--linli-color-muted);
  }
  .done:empty {
    display: none;
  }
  .columns {
    display: grid;
    gap: 1.5em;
  }
  @media (min-width: 60rem) {
    .columns {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  .choices {
    display: grid;
    gap: 0.25em;
  }
  /* The ranked form's key: each "n = option" kept whole on one line. */
  .opt {
    display: inline-block;
    margin-inline-end: 1em;
  }
  kbd {
    font: inherit;
    font-weight: 600;
    border: 1px solid var(--linli-color-border);
    border-radius: 4px;
    padding: 0 0.35em;
  }
`;
