import { type CommunityState, emptyCommunityState, roomKey } from '../community/state.js';
import type { Snapshot } from '../governance/snapshot.js';

/** A community's records as a snapshot lists them (`governance.snapshot().community`). */
export type CommunityRecords = Snapshot['community'];

/** The community state that `records` describe, for deciding an import against them. */
export function stateOfRecords(records: CommunityRecords): CommunityState {
  const state = emptyCommunityState();
  state.community = records.community;
  for (const b of records.buildings) state.buildings.set(b.id, b);
  for (const s of records.stairwells) state.stairwells.set(s.id, s);
  for (const u of records.units) {
    state.units.set(u.id, u);
    state.rooms.add(roomKey(u.stairwellId, u.room));
  }
  for (const o of records.owners) state.owners.set(o.id, o);
  for (const r of records.residents) state.residents.set(r.id, r);
  return state;
}
