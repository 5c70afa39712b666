import { type Area, sumArea } from '../numbers/area.js';
import type { LocalDate } from '../time/local-date.js';
import { effectiveArea, ownersOn, type Scope, unitsIn } from './queries.js';
import type { CommunityState } from './state.js';

/** One unit as the counting rules see it. */
export interface CountedUnit {
  readonly unitId: string;
  readonly area: Area;
  /** Its owners; empty if no owner is recorded yet. */
  readonly ownerIds: readonly string[];
}

/** One owner head (业主人数中的一人): the units and owners that count together as 1. */
export interface OwnerHead {
  /** A stable key: `developer`, or the smallest owner id in the group. */
  readonly key: string;
  readonly ownerIds: readonly string[];
  readonly unitIds: readonly string[];
  /** The sum of the group's exclusive areas. */
  readonly area: Area;
  /** True for the developer's head (unsold or undelivered units, plus units with no recorded owner). */
  readonly developer: boolean;
}

/** Heads and area of an electorate, ready for a double-majority rule. */
export interface HeadcountAndArea {
  /** Total owner headcount (专有部分数 after the two exceptions). */
  readonly headcount: number;
  /** Total exclusive area (专有部分面积总和). */
  readonly area: Area;
  /** Every head with its weight in each dimension, sorted by key. */
  readonly heads: readonly OwnerHead[];
}

/**
 * Counts owners and area under the SPC interpretation on building ownership, Arts. 8–9:
 * - area is the sum of the units' exclusive areas;
 * - one unit is one owner, except that all of the developer's units together count as one, and an
 *   owner of several units counts as one. Co-owners of one unit are that unit's one owner; when
 *   owner groups overlap (A owns unit 1, A and B own unit 2), everything connected through a shared
 *   owner is one head, so nobody is counted twice.
 * A unit with no recorded owner has not been delivered, so it joins the developer's head.
 *
 * Pure and independent of the community model: any electorate (a stairwell, a building, the units a
 * shaft touches) can be counted by passing its units.
 */
export function countHeadsAndArea(
  units: readonly CountedUnit[],
  isDeveloper: (ownerId: string) => boolean,
): HeadcountAndArea {
  // Union-find over owner ids, with one shared node standing for the developer.
  const DEVELOPER = '\u0000developer';
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    let node = x;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The smaller id becomes the root, so the result does not depend on input order.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
  };

  const nodesOf = (unit: CountedUnit): string[] =>
    unit.ownerIds.length === 0 ? [DEVELOPER] : unit.ownerIds.map((id) => (isDeveloper(id) ? DEVELOPER : id));

  for (const unit of units) {
    const nodes = nodesOf(unit);
    for (const n of nodes) add(n);
    for (const n of nodes.slice(1)) union(nodes[0] as string, n);
  }

  const groups = new Map<
    string,
    { ownerIds: Set<string>; unitIds: string[]; areas: Area[]; developer: boolean }
  >();
  for (const unit of units) {
    const nodes = nodesOf(unit);
    const root = find(nodes[0] as string);
    let group = groups.get(root);
    if (!group) {
      group = { ownerIds: new Set(), unitIds: [], areas: [], developer: false };
      groups.set(root, group);
    }
    group.unitIds.push(unit.unitId);
    group.areas.push(unit.area);
    for (const id of unit.ownerIds) group.ownerIds.add(id);
    if (nodes.includes(DEVELOPER)) group.developer = true;
  }

  const heads: OwnerHead[] = [...groups.values()].map((g) => {
    const ownerIds = [...g.ownerIds].sort();
    return {
      key: g.developer ? 'developer' : (ownerIds[0] as string),
      ownerIds,
      unitIds: g.unitIds,
      area: sumArea(g.areas),
      developer: g.developer,
    };
  });
  heads.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { headcount: heads.length, area: sumArea(heads.map((h) => h.area)), heads };
}

/** The owner electorate of `scope` on `date` (or now): its heads and total area. */
export function ownerElectorate(state: CommunityState, scope: Scope, date?: LocalDate): HeadcountAndArea {
  const units = unitsIn(state, scope).map((unit) => ({
    unitId: unit.id,
    area: effectiveArea(unit).area,
    ownerIds: ownersOn(unit, date),
  }));
  return countHeadsAndArea(units, (id) => state.owners.get(id)?.developer === true);
}
