import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineElement } from './define.js';

afterEach(() => vi.restoreAllMocks());

describe('defineElement', () => {
  it('registers a tag, and is silent when the same class registers it again', () => {
    class First extends HTMLElement {}
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    defineElement('linli-define-same', First);
    defineElement('linli-define-same', First);
    expect(customElements.get('linli-define-same')).toBe(First);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the first class and warns once when another class claims the tag', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    class Third extends HTMLElement {}
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    defineElement('linli-define-other', First);
    defineElement('linli-define-other', Second);
    defineElement('linli-define-other', Second);
    defineElement('linli-define-other', Third);
    expect(customElements.get('linli-define-other')).toBe(First);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([
      '<linli-define-other> is already defined by another class; two copies of @linli/widgets?',
      First,
      Second,
    ]);
  });

  it('warns for each tag on its own', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const tag of ['linli-define-a', 'linli-define-b']) {
      defineElement(tag, class extends HTMLElement {});
      defineElement(tag, class extends HTMLElement {});
    }
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
