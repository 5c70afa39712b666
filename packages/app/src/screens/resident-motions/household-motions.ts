import {
  fetchPublishedView,
  type HouseholdMotion,
  linliError,
  type Motion,
  type Tally,
  viewGovernance,
} from '@linli/core';
import type { ApiClient, ApiResult } from '../../api/api-client.js';

/** A motion as the residents' screens show it: the public definition and tally, the household's part. */
export interface MotionForHousehold {
  readonly motion: Motion;
  readonly tally: Tally | undefined;
  readonly mine: HouseholdMotion;
  /** Rooms by unit id, for the proxies' and amendments' labels. */
  readonly room: (unitId: string) => string | undefined;
}

/** The motions that concern the household, and the ids of every motion of the community. */
export interface HouseholdMotions {
  readonly items: readonly MotionForHousehold[];
  /** Every motion the community has (to tell "no such motion" from "not yours"). */
  readonly all: ReadonlySet<string>;
}

/**
 * Reads the community's published view (every motion's definition and public tally) and the
 * household's own part (`/household/motions`, behind its session: the only source of its ballots on
 * a secret motion), and joins them: the motions that concern this household, in the order drafted.
 */
export async function loadHouseholdMotions(
  api: ApiClient,
  community: string,
): Promise<ApiResult<HouseholdMotions>> {
  const base = `/c/${encodeURIComponent(community)}`;
  const [view, mine] = await Promise.all([
    fetchPublishedView(`${base}/view`).then(viewGovernance, () => undefined),
    api.request<{ motions: readonly HouseholdMotion[] }>(`${base}/household/motions`),
  ]);
  if (!mine.ok) return mine;
  if (!view) return { ok: false, error: linliError('http.unreachable') };
  const byId = new Map(mine.value.motions.map((m) => [m.motionId, m]));
  const room = (unitId: string) => view.unit(unitId)?.room;
  return {
    ok: true,
    value: {
      items: view.motions.value.flatMap((motion) => {
        const own = byId.get(motion.id);
        return own ? [{ motion, tally: view.tally(motion.id), mine: own, room }] : [];
      }),
      all: new Set(view.motions.value.map((m) => m.id)),
    },
  };
}
