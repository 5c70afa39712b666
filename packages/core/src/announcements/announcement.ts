import type { Attachment } from '../attachments/attachment.js';
import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';

/** Who a notice is for: the whole community, one building, or one stairwell. */
export type NoticeScope =
  | { readonly kind: 'community' }
  | { readonly kind: 'building'; readonly id: string }
  | { readonly kind: 'stairwell'; readonly id: string };

/** A notice (公告) as posted. Reads are kept apart ({@link AnnouncementsState.reads}), never in it. */
export interface Announcement {
  readonly id: string;
  readonly title: string;
  /** Plain text with line breaks; never markup. */
  readonly body: string;
  readonly scope: NoticeScope;
  /** The day it was posted, in the community's zone. */
  readonly postedOn: LocalDate;
  /** The instant it was posted (ISO). */
  readonly postedAt: string;
  /** The last day it is shown, inclusive. */
  readonly expiresOn?: LocalDate;
  readonly attachments?: readonly Attachment[];
  /** Set once withdrawn. */
  readonly withdrawn?: { readonly on: LocalDate; readonly reason: string };
}

/** A notice is up on `date`: posted by then, not withdrawn, and not past its last day. */
export function isActiveOn(notice: Announcement, date: LocalDate): boolean {
  return (
    notice.withdrawn === undefined &&
    notice.postedOn <= date &&
    (notice.expiresOn === undefined || date <= notice.expiresOn)
  );
}

/** Whether a unit's household is among those a notice is for. */
export function unitInScope(community: CommunityState, scope: NoticeScope, unitId: string): boolean {
  const unit = community.units.get(unitId);
  if (!unit) return false;
  switch (scope.kind) {
    case 'community':
      return true;
    case 'stairwell':
      return unit.stairwellId === scope.id;
    case 'building':
      return community.stairwells.get(unit.stairwellId)?.buildingId === scope.id;
  }
}

/** How many households a notice is for: the units in its scope. */
export function householdsInScope(community: CommunityState, scope: NoticeScope): number {
  let count = 0;
  for (const id of community.units.keys()) if (unitInScope(community, scope, id)) count++;
  return count;
}
