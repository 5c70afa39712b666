import { type CSSResult, css } from 'lit';

export const ballotFormStyles: CSSResult = css`
  :host {
    display: block;
    max-width: 48rem;
    break-after: page;
  }
  :host(:last-of-type) {
    break-after: auto;
  }
  h1 {
    font-size: 1.5em;
    text-align: center;
    margin: 0 0 0.5em;
  }
  h2 {
    font-size: 1.25em;
    margin: 0.75em 0 0.25em;
  }
  h3 {
    font-size: 1.1em;
    margin: 0.5em 0 0.25em;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  .room,
  .number {
    font-size: 1.25em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .body {
    white-space: pre-wrap;
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0.5em 0;
  }
  li {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-height: 2.75em;
    border-bottom: 1px dotted currentColor;
  }
  .answers {
    display: flex;
    flex-wrap: wrap;
    gap: 0 2.5em;
  }
  .answers li {
    border: none;
  }
  .box {
    display: inline-block;
    width: 1.75em;
    height: 1.75em;
    border: 2px solid currentColor;
    flex: none;
  }
  .label {
    flex: 1;
  }
  .scores {
    display: flex;
    gap: 0.75em;
  }
  .score {
    display: inline-grid;
    place-items: center;
    width: 1.75em;
    height: 1.75em;
    border: 1px solid currentColor;
    border-radius: 50%;
  }
  .signature {
    display: flex;
    flex-wrap: wrap;
    gap: 1em 3em;
    margin-top: 2em;
  }
  .line {
    display: inline-block;
    width: 12em;
    border-bottom: 1px solid currentColor;
  }
  .line.short {
    width: 8em;
  }
`;
