import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { type DraftEvent, draftOf, EMPTY_HEAD, type LoggedEvent, sealEvents, sha256Hex } from './event.js';
import { randomSalt, sequentialSalts } from './salt.js';
import { verify } from './verify.js';

const draft = (i: number): DraftEvent => ({
  at: '2026-11-29T00:00:00.000Z',
  actor: 'household:u102',
  type: 'ballot.cast',
  payload: { motionId: 'm', ballot: { voterId: `o${i}`, choice: 'yes' } },
});

const hashOfFields = (event: LoggedEvent) => {
  const { hash: _hash, ...fields } = event;
  return sha256Hex(new TextEncoder().encode(canonicalJson(fields)));
};

describe('event formats', () => {
  it('seals new events as format 2: a fresh 128-bit salt, inside the hash', () => {
    const [a, b] = sealEvents([draft(1), draft(1)], EMPTY_HEAD);
    expect(a).toMatchObject({ v: 2, salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(b?.salt).not.toBe(a?.salt);
    expect(a && hashOfFields(a)).toBe(a?.hash);
  });

  it('keeps verifying format-1 logs, alone or followed by format-2 events', () => {
    const old = sealEvents(
      [draft(1), draft(2)].map((d) => ({ ...d, v: 1 as const })),
      EMPTY_HEAD,
    );
    expect(old[0]).not.toHaveProperty('salt');
    expect(old[0]).not.toHaveProperty('v');
    // Exactly the pre-salt hash: SHA-256 of the canonical JSON of the six original fields.
    expect(old[0] && hashOfFields(old[0])).toBe(old[0]?.hash);
    const later = sealEvents([draft(3)], { seq: 2, hash: old[1]?.hash ?? '' });
    expect(verify([...old, ...later])).toMatchObject({ ok: true, count: 3 });
  });

  it('refuses any change to a salt or a format, naming the event', () => {
    const log = sealEvents([draft(1), draft(2), draft(3)], EMPTY_HEAD, sequentialSalts());
    const second = log[1] as LoggedEvent;
    const { salt: _salt, ...unsalted } = second;
    const { v: _v, ...versionless } = second;
    for (const forged of [
      { ...second, salt: 'f'.repeat(32) },
      { ...second, salt: 'short' },
      unsalted,
      versionless,
      { ...second, v: 3 },
    ] as LoggedEvent[])
      expect(verify([log[0] as LoggedEvent, forged, log[2] as LoggedEvent])).toEqual({
        ok: false,
        seq: 2,
        reason: 'edited',
      });
  });

  it('re-seals any log to the very same hashes from its events’ drafts', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 20 }), (formats) => {
        let log: LoggedEvent[] = [];
        for (const [i, salted] of formats.entries()) {
          const d = salted ? draft(i) : { ...draft(i), v: 1 as const };
          log = [...log, ...sealEvents([d], { seq: i, hash: log.at(-1)?.hash ?? EMPTY_HEAD.hash })];
        }
        expect(sealEvents(log.map(draftOf), EMPTY_HEAD)).toEqual(log);
      }),
    );
  });
});

describe('randomSalt', () => {
  it('never repeats a salt, across refills of its pool', () => {
    const salts = Array.from({ length: 2_000 }, randomSalt);
    expect(new Set(salts).size).toBe(salts.length);
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{32}$/);
  });
});
