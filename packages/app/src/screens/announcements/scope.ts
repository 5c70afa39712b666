import type { CommunityState, Locale, NoticeScope } from '@linli/core';
import { t } from './announcements.strings.js';

/** Who a notice can be for, as the post form offers it: the community, each building, each stairwell. */
export function scopeOptions(
  community: CommunityState,
  l: Locale,
): readonly { readonly value: string; readonly label: string }[] {
  const buildings = [...community.buildings.values()];
  return [
    { value: 'community', label: t(l, 'community') },
    ...buildings.flatMap((b) => [
      { value: `building:${b.id}`, label: b.name },
      ...[...community.stairwells.values()]
        .filter((s) => s.buildingId === b.id)
        .map((s) => ({ value: `stairwell:${s.id}`, label: `${b.name} ${s.name}` })),
    ]),
  ];
}

/** A notice's scope in words: the community, a building's name, or its building and stairwell names. */
export function scopeLabel(community: CommunityState, scope: NoticeScope, l: Locale): string {
  if (scope.kind === 'community') return t(l, 'community');
  if (scope.kind === 'building') return community.buildings.get(scope.id)?.name ?? scope.id;
  const stairwell = community.stairwells.get(scope.id);
  const building = stairwell && community.buildings.get(stairwell.buildingId);
  return stairwell ? `${building?.name ?? ''} ${stairwell.name}`.trim() : scope.id;
}
