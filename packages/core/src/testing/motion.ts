/** What {@link openMotionCommands} needs besides its defaults; any other field goes into the draft as given. */
export interface MotionDraft {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly [field: string]: unknown;
}

/**
 * The commands that draft and open a motion of stairwell `s1`, voted by owners under the Civil Code's
 * ordinary rule and closing on 2026-12-20 10:00 UTC, unless `draft` says otherwise.
 */
export function openMotionCommands(draft: MotionDraft): unknown[] {
  return [
    {
      type: 'motion.draft',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'civilCode278.ordinary',
      closesAt: '2026-12-20T10:00:00Z',
      ...draft,
    },
    { type: 'motion.open', motionId: draft.id },
  ];
}
