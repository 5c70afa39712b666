import { CanonicalWriter } from '../log/canonical-bytes.js';
import { sha256Hex } from '../log/event.js';
import { bytesToHex, hexToBytes, type RandomSource } from '../time/random.js';
import type { Ballot } from './motion.js';

const writer = new CanonicalWriter();

/**
 * A tie-break priority over options drawn from a seed: option i's place is the rank of
 * SHA-256(canonical JSON of [seed, option id]). Anyone with the seed redraws the same order.
 */
export function lotteryPriority(seed: string, optionIds: readonly string[]): Int32Array {
  const draws = optionIds.map((id, index) => ({
    index,
    draw: sha256Hex(writer.reset().value([seed, id]).bytes()),
  }));
  draws.sort((a, b) => (a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : a.index - b.index));
  const priority = new Int32Array(optionIds.length);
  draws.forEach((d, place) => {
    priority[d.index] = place;
  });
  return priority;
}

/** The secret a motion's tie lottery is drawn with, fixed when it opens, and its public commitment. */
export interface LotterySecret {
  /** 256 random bits, hex; kept in the log (the organizer's) and revealed in the result at close. */
  readonly salt: string;
  /** SHA-256 of the salt's bytes, hex: what the public sees while the motion is open. */
  readonly commitment: string;
}

/** The public commitment to a salt: SHA-256 of its 32 bytes. */
export function lotteryCommitment(salt: string): string {
  return sha256Hex(hexToBytes(salt));
}

/** Draws a fresh salt from the injected random source and commits to it. */
export function drawLotterySecret(random: RandomSource): LotterySecret {
  const salt = bytesToHex(random(32));
  return { salt, commitment: lotteryCommitment(salt) };
}

/**
 * The seed a closed motion's lottery draws with: SHA-256 of the canonical JSON of [salt, the final
 * ballots' choices sorted]. The salt is fixed (and committed) at open but secret until close, and the
 * ballot set is only known after the last ballot, so nobody can compute the draw while voting, and no
 * other command (a throwaway draft, a proxy, a vote elsewhere) changes it. Only choices enter, never
 * who cast them, so anyone can recount from a secret motion's anonymous published ballots.
 */
export function lotterySeed(salt: string, ballots: readonly Pick<Ballot, 'choice'>[]): string {
  const choices = ballots.map((b) => JSON.stringify(b.choice)).sort();
  return sha256Hex(writer.reset().value([salt, choices]).bytes());
}
