import { css } from 'lit';

/** The residents' motion screens: big cards that are links, status lines that wrap on a 360 px phone. */
export const residentMotionStyles = css`
  ul.motions {
    list-style: none;
    margin: 0 0 1.5rem;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  a.motion {
    display: block;
    padding: 0.875rem 1rem;
    border: 1px solid var(--linli-color-border);
    border-radius: 0.5rem;
    background: var(--linli-color-surface);
    color: var(--linli-color-text);
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  a.motion .name {
    display: block;
    font-weight: 600;
    color: var(--linli-color-link);
    text-decoration: underline;
    margin-bottom: 0.25rem;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }
  .todo {
    font-weight: 600;
    color: var(--linli-color-danger);
  }
  .done {
    font-weight: 600;
  }
  .seat-status {
    margin: 0.25rem 0 0;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  ul.plain li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    overflow-wrap: anywhere;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  textarea {
    min-height: 8rem;
    width: 100%;
    box-sizing: border-box;
  }
  section {
    margin-bottom: 1.5rem;
  }
  .amendment {
    margin-bottom: 0.75rem;
  }
`;
