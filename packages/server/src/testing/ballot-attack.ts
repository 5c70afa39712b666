import { hashEvent, type LoggedEvent, type LogHead } from '@linli/core';

/** What an outsider knows about a secret motion: all of it public, or easy to learn. */
export interface BallotGuessSpace {
  readonly motionId: string;
  /** The roll: each voter and the units whose household may cast for it. */
  readonly voters: readonly { readonly id: string; readonly unitIds: readonly string[] }[];
  /** Every choice a ballot can carry, as the event records it. */
  readonly choices: readonly unknown[];
  /** Every instant a ballot may have been cast at, to the millisecond (ISO 8601). */
  readonly times: readonly string[];
}

/** A ballot an attacker claims to have recovered from a published hash. */
export interface RecoveredBallot {
  readonly seq: number;
  readonly voterId: string;
  readonly choice: unknown;
}

/**
 * The attack of issue #13: every published head is the hash of one event, chained to the head before
 * it. For each head that directly follows another, try every (voter, who cast, choice, instant) as a
 * format-1 `ballot.cast` event and keep the guesses whose hash matches — the head itself, or any
 * prefix of it that was published (an ETag carries one). Against format-1 events this recovers every
 * ballot in well under a second; a format-2 event's 128-bit salt leaves nothing to match.
 */
export function recoverBallots(
  heads: readonly LogHead[],
  space: BallotGuessSpace,
  published: readonly string[] = [],
): RecoveredBallot[] {
  const bySeq = new Map(heads.map((h) => [h.seq, h.hash]));
  const fragments = published.filter((p) => /^[0-9a-f]{16,64}$/.test(p));
  const recovered: RecoveredBallot[] = [];
  for (const { seq, hash } of heads) {
    const prevHash = bySeq.get(seq - 1);
    if (prevHash === undefined) continue;
    const matches = (guess: string) => guess === hash || fragments.some((f) => guess.startsWith(f));
    search: for (const voter of space.voters) {
      const actors = ['organizer', ...voter.unitIds.map((u) => `household:${u}`)];
      for (const actor of actors)
        for (const choice of space.choices)
          for (const at of space.times) {
            const guess = guessedBallot(
              space.motionId,
              { seq, prevHash },
              { voterId: voter.id, actor, choice, at },
            );
            if (matches(hashEvent(guess))) {
              recovered.push({ seq, voterId: voter.id, choice });
              break search;
            }
          }
    }
  }
  return recovered;
}

/** One guess: the format-1 `ballot.cast` event a household's direct ballot would be, unsalted. */
export function guessedBallot(
  motionId: string,
  place: { readonly seq: number; readonly prevHash: string },
  cast: { readonly voterId: string; readonly actor: string; readonly choice: unknown; readonly at: string },
): Omit<LoggedEvent, 'hash'> {
  const { voterId, actor, choice, at } = cast;
  const ballot = { voterId, choice, channel: 'direct', castBy: actor, at };
  return { ...place, at, actor, type: 'ballot.cast', payload: { motionId, ballot } };
}

/** Every millisecond from `from` to `to` inclusive, as ISO 8601 instants. */
export function millisecondsBetween(from: Date, to: Date): string[] {
  const times: string[] = [];
  for (let t = from.getTime(); t <= to.getTime(); t++) times.push(new Date(t).toISOString());
  return times;
}

/** The motion the attack targets: a secret single-choice election of one building's households, votes changeable. */
export function secretElection(
  id: string,
  buildingId: string,
  candidates: Readonly<Record<string, string>>,
  closesAt: string,
): Record<string, unknown> {
  return {
    type: 'motion.draft',
    id,
    title: `${id}（无记名）`,
    kind: 'single',
    options: Object.entries(candidates).map(([option, label]) => ({ id: option, label })),
    scope: { kind: 'building', id: buildingId },
    basis: 'households',
    rule: 'simpleMajority',
    secrecy: 'secret',
    allowChange: true,
    closesAt,
  };
}
