import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DraftEvent, EMPTY_HEAD, GENESIS_HASH, type LoggedEvent, sealEvents } from './event.js';
import { verify } from './verify.js';

const draftArb: fc.Arbitrary<DraftEvent> = fc.record({
  at: fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  actor: fc.constantFrom('system', 'owner-1', 'official-2'),
  type: fc.constantFrom('unit.added', 'owner.registered', 'unit.transferred'),
  payload: fc.dictionary(
    fc.string({ maxLength: 6 }),
    fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.boolean()),
  ),
});

/** A log of 2–30 events and an index into it. */
const logAndIndex = fc
  .array(draftArb, { minLength: 2, maxLength: 30 })
  .chain((drafts) =>
    fc.tuple(fc.constant(sealEvents(drafts, EMPTY_HEAD)), fc.nat({ max: drafts.length - 1 })),
  );

describe('verify', () => {
  it('accepts an untouched log and reports its head', () => {
    fc.assert(
      fc.property(logAndIndex, ([log]) => {
        const result = verify(log);
        expect(result).toEqual({
          ok: true,
          head: { seq: log.length, hash: log.at(-1)?.hash },
          count: log.length,
        });
      }),
    );
    expect(verify([])).toEqual({ ok: true, head: { seq: 0, hash: GENESIS_HASH }, count: 0 });
  });

  it('names the edited event when any field of it changes', () => {
    const field = fc.constantFrom('at', 'actor', 'type', 'payload', 'hash', 'prevHash');
    fc.assert(
      fc.property(logAndIndex, field, ([log, k], name) => {
        const original = log[k] as LoggedEvent;
        const changed = {
          ...original,
          [name]:
            name === 'payload' ? { ...(original.payload as object), x: 1 } : `${original[name as 'at']}x`,
        };
        const tampered = log.map((e, i) => (i === k ? changed : e));
        const result = verify(tampered);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.seq).toBe(k + 1);
        // prevHash is inside the hashed body, so even a forged link shows up as an edit first.
        expect(result.reason).toBe('edited');
      }),
    );
  });

  it('catches a flipped byte anywhere in a stored event', () => {
    fc.assert(
      fc.property(logAndIndex, fc.nat(), fc.integer({ min: 1, max: 255 }), ([log, k], at, mask) => {
        const bytes = new TextEncoder().encode(JSON.stringify(log[k]));
        const i = at % bytes.length;
        bytes[i] = (bytes[i] as number) ^ mask;
        let parsed: LoggedEvent;
        try {
          parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        } catch {
          return; // unreadable: the store itself reports corruption
        }
        const result = verify(log.map((e, j) => (j === k ? parsed : e)));
        // Flips that JSON normalizes away (e.g. an escape spelling the same character) change nothing.
        if (JSON.stringify(parsed) === JSON.stringify(log[k])) return;
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.seq).toBe(k + 1);
      }),
    );
  });

  it('names the first missing seq when an event is removed', () => {
    fc.assert(
      fc.property(logAndIndex, ([log, k]) => {
        fc.pre(k < log.length - 1);
        const result = verify(log.filter((_, i) => i !== k));
        expect(result).toEqual({ ok: false, seq: k + 1, reason: 'removed' });
      }),
    );
  });

  it('catches removal of the newest events only against a trusted head', () => {
    fc.assert(
      fc.property(logAndIndex, ([log, k]) => {
        const head = { seq: log.length, hash: (log.at(-1) as LoggedEvent).hash };
        const truncated = log.slice(0, k + 1);
        fc.pre(truncated.length < log.length);
        expect(verify(truncated).ok).toBe(true);
        expect(verify(truncated, { trustedHead: head })).toEqual({
          ok: false,
          seq: truncated.length + 1,
          reason: 'head-mismatch',
        });
      }),
    );
  });

  it('names the first displaced seq when events are swapped', () => {
    fc.assert(
      fc.property(logAndIndex, ([log, k]) => {
        fc.pre(k < log.length - 1);
        const swapped = [...log];
        [swapped[k], swapped[k + 1]] = [swapped[k + 1] as LoggedEvent, swapped[k] as LoggedEvent];
        expect(verify(swapped)).toEqual({ ok: false, seq: k + 1, reason: 'reordered' });
      }),
    );
  });

  it('detects a re-sealed rewrite from the point where the link breaks', () => {
    fc.assert(
      fc.property(logAndIndex, ([log, k]) => {
        fc.pre(k > 0);
        // A forger replaces event k+1 with a freshly sealed one on a fake predecessor.
        const fake = sealEvents([{ at: 'x', actor: 'forger', type: 'unit.added', payload: {} }], {
          seq: k,
          hash: 'f'.repeat(64),
        });
        const forged = log.map((e, i) => (i === k ? (fake[0] as LoggedEvent) : e));
        expect(verify(forged)).toEqual({ ok: false, seq: k + 1, reason: 'bad-link' });
      }),
    );
  });
});
