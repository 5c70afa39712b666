import { describe, expect, it } from 'vitest';
import { commandOutbox, type Outbox } from './command-outbox.js';

/** A `localStorage` stand-in that can be told to refuse writes, as a full or private one does. */
function memoryStorage() {
  const items = new Map<string, string>();
  const storage: Outbox & { full: boolean } = {
    full: false,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (storage.full) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
  };
  return { items, storage };
}

describe('commandOutbox', () => {
  it('keeps unanswered commands per endpoint, oldest first, until settled', () => {
    const { storage } = memoryStorage();
    const outbox = commandOutbox(storage, 'https://a.example/c/xfkl');
    outbox.add({ key: 'k1', command: { type: 'ballot.cast' } });
    outbox.add({ key: 'k2', command: { type: 'ballot.revoke' } });
    expect(commandOutbox(storage, 'https://a.example/c/other').entries()).toEqual([]);
    // A reload reads what the page before it kept.
    expect(
      commandOutbox(storage, 'https://a.example/c/xfkl')
        .entries()
        .map((e) => e.key),
    ).toEqual(['k1', 'k2']);
    outbox.settle('k1');
    expect(outbox.entries()).toEqual([{ key: 'k2', command: { type: 'ballot.revoke' } }]);
  });

  it('treats unreadable, full or missing storage as an empty outbox instead of throwing', () => {
    const { items, storage } = memoryStorage();
    items.set('linli-outbox:x', '{not json');
    expect(commandOutbox(storage, 'x').entries()).toEqual([]);
    storage.full = true;
    expect(() => commandOutbox(storage, 'y').add({ key: 'k', command: {} })).not.toThrow();
    const none = commandOutbox(undefined, 'z');
    none.add({ key: 'k', command: {} });
    expect(none.entries()).toEqual([]);
  });
});
