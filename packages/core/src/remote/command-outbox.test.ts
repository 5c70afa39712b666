import { describe, expect, it } from 'vitest';
import { commandOutbox, type Outbox, outboxOwner } from './command-outbox.js';

/** A `localStorage` stand-in that can be told to refuse writes, as a full or private one does. */
function memoryStorage() {
  const items = new Map<string, string>();
  const storage: Outbox & { full: boolean; keys(): IterableIterator<string> } = {
    full: false,
    keys: () => items.keys(),
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

  it('treats unreadable or damaged storage as an empty outbox, and keeps commands in memory when storage is full or missing', () => {
    const { items, storage } = memoryStorage();
    items.set('linli-outbox:x', '{not json');
    expect(commandOutbox(storage, 'x').entries()).toEqual([]);
    items.set('linli-outbox:w', JSON.stringify([{ key: '', command: 1 }, { nokey: true }]));
    expect(commandOutbox(storage, 'w').entries()).toEqual([]);
    storage.full = true;
    const full = commandOutbox(storage, 'y');
    expect(() => full.add({ key: 'k', command: {} })).not.toThrow();
    expect(full.entries()).toEqual([{ key: 'k', command: {} }]);
    const none = commandOutbox(undefined, 'z');
    none.add({ key: 'k', command: {} });
    expect(none.entries()).toEqual([{ key: 'k', command: {} }]);
    none.settle('k');
    expect(none.entries()).toEqual([]);
  });

  it('keeps one household session apart from another on the same phone', () => {
    const { storage } = memoryStorage();
    const a = outboxOwner('token-of-102');
    const b = outboxOwner('token-of-602');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(outboxOwner('token-of-102')).toBe(a);
    commandOutbox(storage, 'https://a.example/c/xfkl', a).add({
      key: 'k1',
      command: { type: 'ballot.cast' },
    });
    expect(commandOutbox(storage, 'https://a.example/c/xfkl', b).entries()).toEqual([]);
    expect(commandOutbox(storage, 'https://a.example/c/xfkl', a).entries()).toHaveLength(1);
    // The token itself is not what the key holds.
    expect([...storage.keys()].some((k) => k.includes('token-of'))).toBe(false);
  });
});
