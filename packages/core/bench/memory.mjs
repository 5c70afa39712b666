// Memory benchmark: the heap a community, an owners' motion and its ballots hold after GC, at 10,000
// households (the largest realistic 小区) and at 1,000,000. `npm run bench` (needs --expose-gc).
// The state is built the way a server builds it: events sealed, read back as JSON (so no string is
// shared with the code that wrote it) and folded by applyEvent; the log itself is then dropped.
import { emptyState } from '../dist/governance/state.js';
import {
  applyEvent,
  commandSchema,
  decide,
  noHolidays,
  parseWith,
  sealEvents,
  tallyMotion,
} from '../dist/index.js';

if (!globalThis.gc) throw new Error('run with node --expose-gc');
const AT = '2026-11-29T02:00:00.000Z';
const SIZES = (process.env.BENCH_HOUSEHOLDS ?? '10000,1000000').split(',').map(Number);

/** Heap in use after full collections. */
function heapAfterGc() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Seals the drafts `make` returns onto `state`'s head, round-trips them through JSON and folds them in.
 * The drafts are made in here, so nothing but the state holds them once this returns.
 */
function fold(state, make) {
  const drafts = make();
  const CHUNK = 20_000;
  for (let i = 0; i < drafts.length; i += CHUNK) {
    const sealed = JSON.parse(JSON.stringify(sealEvents(drafts.slice(i, i + CHUNK), state.head)));
    for (const event of sealed) applyEvent(state, event);
  }
}

const d = (type, payload) => ({ at: AT, actor: 'organizer', type, payload });

/** One building per 1,000 households, one stairwell per 100; each household one owner's unit. */
function communityDrafts(households) {
  const drafts = [d('community.founded', { communityId: 'c', name: '新福康里' })];
  for (let i = 0; i < households; i++) {
    const b = Math.floor(i / 1000);
    const s = Math.floor(i / 100);
    if (i % 1000 === 0) drafts.push(d('building.added', { buildingId: `b${b}`, name: `${b + 1}号楼` }));
    if (i % 100 === 0)
      drafts.push(
        d('stairwell.added', { stairwellId: `s${s}`, buildingId: `b${b}`, name: `${(s % 10) + 1}单元` }),
      );
    const floor = 1 + Math.floor((i % 100) / 4);
    const room = `${floor}0${(i % 4) + 1}`;
    drafts.push(
      d('unit.added', {
        unitId: `u${i}`,
        stairwellId: `s${s}`,
        room,
        floor,
        area: 7500 + (i % 2000),
        areaSource: 'registered',
      }),
      d('owner.registered', { ownerId: `o${i}`, name: `业主${i}`, kind: 'person', developer: false }),
      d('unit.transferred', { unitId: `u${i}`, ownerIds: [`o${i}`], date: '2010-06-01' }),
    );
  }
  return drafts;
}

/** The events `decide` makes of a command on `state` (the path every command takes), as drafts. */
function decided(state, command) {
  const parsed = parseWith(commandSchema, command);
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  const context = {
    newId: (kind) => kind,
    today: '2026-11-29',
    now: new Date(AT),
    actor: 'organizer',
    head: state.head,
    holidays: noHolidays,
    // Fixed bytes wherever decide draws secret randomness: nothing measured here depends on them.
    random: (length) => new Uint8Array(length).fill(7),
  };
  const events = decide(state, parsed.value, context);
  if (!events.ok) throw new Error(events.error.message.en);
  return events.value.map((e) => d(e.type, e.payload));
}

const draftMotion = {
  type: 'motion.draft',
  id: 'm',
  title: '加装电梯',
  kind: 'proposal',
  scope: { kind: 'community' },
  basis: 'owners',
  rule: 'civilCode278.major',
  closesAt: '2026-12-20T10:00:00Z',
};

const rows = [];
for (const households of SIZES) {
  const state = emptyState();
  const start = heapAfterGc();
  fold(state, () => communityDrafts(households));
  const community = heapAfterGc();
  fold(state, () => decided(state, draftMotion));
  fold(state, () => decided(state, { type: 'motion.open', motionId: 'm' }));
  const opened = heapAfterGc();
  const votes = ['yes', 'yes', 'no', 'abstain'];
  fold(state, () =>
    state.voting.motions.get('m').motion.electorate.map((voter, i) =>
      d('ballot.cast', {
        motionId: 'm',
        ballot: {
          voterId: voter.id,
          choice: { kind: 'proposal', vote: votes[i % 4] },
          channel: 'direct',
          castBy: voter.members[0],
          at: AT,
        },
      }),
    ),
  );
  const voted = heapAfterGc();
  const tally = tallyMotion(state.voting.motions.get('m'), { now: new Date(AT), seed: state.head.hash });
  if (tally.votedVoters !== households) throw new Error('not every ballot was counted');
  rows.push({
    households,
    community: community - start,
    electorate: opened - community,
    ballots: voted - opened,
    total: voted - start,
  });
}

const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
const per = (bytes, n) => Math.round(bytes / n).toLocaleString('en');
console.log(
  '\nMemory: heap after GC, owners’ yes/no motion with every owner voting (state built from JSON events)\n',
);
console.log(
  '| households = owners = ballots | community | electorate (frozen at open) | ballots | total | per household, all in |',
);
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.households.toLocaleString('en')} | ${mib(r.community)} MiB (${per(r.community, r.households)} B each) | ${mib(r.electorate)} MiB (${per(r.electorate, r.households)} B) | ${mib(r.ballots)} MiB (${per(r.ballots, r.households)} B) | ${mib(r.total)} MiB | ${per(r.total, r.households)} B |`,
  );
