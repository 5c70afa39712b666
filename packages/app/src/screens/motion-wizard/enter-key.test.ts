import { describe, expect, it } from 'vitest';
import { keepEnterFromSubmitting } from './enter-key.ts';

/** Presses a key on `target` inside a form and says whether its default (implicit submission) was kept. */
function press(target: HTMLElement, key: string): boolean {
  const form = document.createElement('form');
  form.append(target);
  form.addEventListener('keydown', keepEnterFromSubmitting);
  document.body.append(form);
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  form.remove();
  return !event.defaultPrevented;
}

const input = (type: string) => Object.assign(document.createElement('input'), { type });

describe('keepEnterFromSubmitting', () => {
  it('keeps Enter in a text, number or date field from saving the whole form', () => {
    for (const type of ['text', 'number', 'datetime-local']) expect(press(input(type), 'Enter')).toBe(false);
  });

  it('leaves Enter on the Save button, new lines in the text box and other keys alone', () => {
    expect(press(Object.assign(document.createElement('button'), { type: 'submit' }), 'Enter')).toBe(true);
    expect(press(document.createElement('textarea'), 'Enter')).toBe(true);
    expect(press(input('text'), 'a')).toBe(true);
  });
});
