import {
  type Ballot,
  type Governance,
  type HolderName,
  type HouseholdMotion,
  type HouseholdMotionsAnswer,
  type HouseholdSeat,
  localDateOf,
  type Motion,
  type MotionState,
  previewElectorate,
  unitsIn,
  type Voter,
} from '@linli/core';

const ownVoters = (voters: readonly Voter[], unitId: string) =>
  voters.filter((v) => v.unitIds.includes(unitId));

/** The rooms of a voter's units. */
function roomsOf(gov: Governance, voter: Voter | undefined): string[] {
  return (voter?.unitIds ?? []).flatMap((id) => {
    const room = gov.unit(id)?.room;
    return room === undefined ? [] : [room];
  });
}

/** The name of a proxy's holder, as {@link HouseholdSeat.holder} gives it; absent when the register has no name. */
function holderName(gov: Governance, holder: string, unitId: string): HolderName | undefined {
  if (holder === unitId) {
    const room = gov.unit(unitId)?.room;
    return room === undefined ? undefined : { room };
  }
  const name = gov.read(
    (s) => s.community.residents.get(holder)?.name ?? s.community.owners.get(holder)?.name,
  );
  return name === undefined ? undefined : { name };
}

const shown = (b: Ballot): NonNullable<HouseholdSeat['ballot']> => ({
  choice: b.choice,
  at: b.at,
  revision: b.revision,
  channel: b.channel,
});

/** The seats of one opened motion for `unitId`, read from the raw state (secret ballots included). */
function seatsOf(gov: Governance, entry: MotionState, unitId: string): HouseholdSeat[] {
  const m = entry.motion;
  const actor = `household:${unitId}`;
  const mine = ownVoters(m.electorate, unitId);
  const ownIds = new Set(mine.flatMap((v) => [v.id, ...v.members]));
  const seats: HouseholdSeat[] = mine.map((voter) => {
    const ballot = entry.ballots.get(voter.id);
    return {
      voterId: voter.id,
      rooms: roomsOf(gov, voter),
      voted: ballot !== undefined,
      ...(ballot ? { ballot: shown(ballot) } : {}),
    };
  });
  for (const proxy of entry.proxies.values()) {
    if (proxy.revoked || !(proxy.holder === unitId || ownIds.has(proxy.holder))) continue;
    const voter = m.electorate.find((v) => v.id === proxy.voterId);
    const ballot = entry.ballots.get(proxy.voterId);
    // Only a ballot this household cast under this proxy is its to see: a secret one the voter cast in
    // person, or even whether they did, is not.
    const ours = ballot?.proxyId === proxy.id && ballot.castBy === actor ? ballot : undefined;
    const holder = holderName(gov, proxy.holder, unitId);
    seats.push({
      voterId: proxy.voterId,
      proxyId: proxy.id,
      ...(holder ? { holder } : {}),
      rooms: roomsOf(gov, voter),
      voted: ours !== undefined || (m.secrecy === 'public' && ballot !== undefined),
      ...(ours ? { ballot: shown(ours) } : m.secrecy === 'public' && ballot ? { ballot: shown(ballot) } : {}),
    });
  }
  return seats;
}

/**
 * What every motion asks of one household: the ballots it may cast with its own live ones — read
 * from the raw state, so a secret motion's "you voted" comes from here and never from the published
 * view — and, on a draft open to residents' amendments, in whose name it may propose one. A motion
 * concerns the household when its roll or its scope takes in the household's unit; cancelled drafts
 * are left out.
 */
export function householdMotions(gov: Governance, unitId: string, now: Date): HouseholdMotionsAnswer {
  const today = localDateOf(now);
  const motions = gov.read((s) =>
    [...s.voting.motions.values()].flatMap((entry): HouseholdMotion[] => {
      const m: Motion = entry.motion;
      const inScope = unitsIn(s.community, m.scope).some((u) => u.id === unitId);
      if (m.status === 'draft') {
        const amendAs =
          m.amendableBy === 'electorate'
            ? ownVoters(previewElectorate(s.community, m, today).voters, unitId).map((v) => v.id)
            : [];
        return inScope ? [{ motionId: m.id, seats: [], amendAs, inScope }] : [];
      }
      const seats = seatsOf(gov, entry, unitId);
      if (!inScope && seats.length === 0) return [];
      if (m.status === 'cancelled' && !m.openedOn) return [];
      return [{ motionId: m.id, seats, amendAs: [], inScope }];
    }),
  );
  return { unitId, motions };
}
