import { type CSSResult, css } from 'lit';

/** The frame around every screen: skip link, header with the switches, the main landmark. */
export const shellStyles: CSSResult = css`
  :host {
    display: block;
    min-height: 100vh;
    box-sizing: border-box;
    font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif;
    font-size: calc(1rem * var(--linli-font-scale, 1));
    line-height: 1.5;
    color: var(--linli-color-text);
    background: var(--linli-color-background);
  }
  .skip {
    position: absolute;
    left: 0.5em;
    top: -10em;
    z-index: 1;
    padding: 0.6em 1em;
    background: var(--linli-color-background);
    color: var(--linli-color-link);
    border: 2px solid var(--linli-color-focus);
  }
  .skip:focus {
    top: 0.5em;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    padding: 0.5em 1em;
    border-bottom: 1px solid var(--linli-color-border);
    background: var(--linli-color-surface);
  }
  .site {
    font-weight: 700;
    font-size: 1.15em;
  }
  .switches {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .who {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin: 0;
    /* A household is named by its unit id, which may be one long word: it wraps rather than widen a 360 px page. */
    overflow-wrap: anywhere;
  }
  /* A household is named by its unit id until the header names its room: a long id must wrap at 360 px. */
  .who > span {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  button,
  select,
  a.button {
    font: inherit;
    min-height: max(44px, var(--linli-target, 2.75rem));
    min-width: 44px;
    padding: 0.3em 0.8em;
    border-radius: 6px;
    border: 1px solid var(--linli-color-border);
    background: var(--linli-color-background);
    color: var(--linli-color-text);
    cursor: pointer;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
    text-decoration: none;
    color: var(--linli-color-link);
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: max(44px, var(--linli-target, 2.75rem));
    cursor: pointer;
  }
  input[type='checkbox'] {
    /* Form controls do not inherit the font size; the box follows the large-text switch. */
    font-size: inherit;
    flex: none;
    width: 1.3em;
    height: 1.3em;
    margin: 0;
    accent-color: var(--linli-color-primary);
  }
  :focus-visible {
    outline: 3px solid var(--linli-color-focus);
    outline-offset: 2px;
  }
  main {
    display: block;
    max-width: 48em;
    margin: 0 auto;
    padding: 1.25em 1em 3em;
  }
  main:focus {
    outline: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media print {
    header,
    .skip {
      display: none;
    }
  }
`;
