import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { type ElectorateInput, freezeElectorate } from './electorate.js';
import { MIN_SECRET_ROLL, measureSecrecy, type SecrecyMeasure } from './secrecy.js';

/** What opening a draft as a secret motion on `date` would publish, for the organizer to see beforehand. */
export interface SecrecyPreview extends SecrecyMeasure {
  /** Opening would be refused (`motion.roll_exposes_ballot`): too few voters to keep any ballot secret. */
  readonly refused: boolean;
}

/**
 * Measures the roll a draft would freeze if opened on `date` — the same roll and measure `motion.open`
 * records — so an organizer page can warn before opening, e.g. inside `gov.read`:
 * `gov.read((s) => previewSecrecy(s.community, motion, today))`.
 */
export function previewSecrecy(
  community: CommunityState,
  definition: ElectorateInput,
  date: LocalDate,
): SecrecyPreview {
  const roll = freezeElectorate(community, definition, date);
  return { ...measureSecrecy(roll), refused: roll.length < MIN_SECRET_ROLL };
}
