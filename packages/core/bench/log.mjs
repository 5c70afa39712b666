// Benchmarks for @linli/core's event log, run against the built package (what users get).
// `npm run bench` — not part of `npm test`: speed is measured, never asserted in a timed test.
import { EMPTY_HEAD, nobleSha256Hex, replay, sealEvents, verify } from '../dist/index.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const AT = '2026-11-29T02:00:00.000Z';

/** A realistic mix: buildings, stairwells, units, owners, transfers, move-ins and move-outs. */
function* drafts(total) {
  const d = (type, payload) => ({ at: AT, actor: 'bench', type, payload });
  yield d('community.founded', { communityId: 'c', name: '新福康里' });
  let n = 1;
  let units = 0;
  let residents = 0;
  let moveOuts = 0;
  for (let b = 0; n < total; b++) {
    yield d('building.added', { buildingId: `b${b}`, name: `${b}号楼` });
    n++;
    for (let s = 0; s < 4 && n < total; s++) {
      const stairwellId = `b${b}s${s}`;
      yield d('stairwell.added', { stairwellId, buildingId: `b${b}`, name: `${s + 1}单元` });
      n++;
      for (let u = 0; u < 24 && n < total; u++) {
        const unitId = `u${units++}`;
        const floor = 1 + Math.floor(u / 4);
        const room = `${floor}0${(u % 4) + 1}`;
        const steps = [
          d('unit.added', { unitId, stairwellId, room, floor, area: 7500 + u, areaSource: 'registered' }),
          d('owner.registered', {
            ownerId: `o${unitId}`,
            name: `业主${room}`,
            kind: 'person',
            developer: false,
          }),
          d('unit.transferred', { unitId, ownerIds: [`o${unitId}`], date: '2010-06-01' }),
          d('resident.movedIn', {
            residentId: `r${residents++}`,
            unitId,
            birthYear: 1950 + u,
            date: '2010-07-01',
          }),
          d('resident.movedIn', { residentId: `r${residents++}`, unitId, date: '2012-03-15' }),
          d('resident.movedOut', { residentId: `r${moveOuts++ * 2 + 1}`, date: '2020-01-01' }),
        ];
        for (const step of steps) {
          if (n >= total) break;
          yield step;
          n++;
        }
      }
    }
  }
}

function time(fn) {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heapAfter = process.memoryUsage().heapUsed;
  return { result, ms, heapMiB: (heapAfter - heapBefore) / 2 ** 20 };
}

const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);

/** Heap in use after full collections (the bench runs with --expose-gc). */
function heapAfterGc() {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

console.log(`Generating and sealing ${EVENTS.toLocaleString('en')} events…`);
const heapBeforeLog = heapAfterGc();
const sealed = time(() => sealEvents([...drafts(EVENTS)], EMPTY_HEAD));
const log = sealed.result;
// What a log in memory (MemoryStore, a browser's replica) holds: events, payloads and hashes.
const logBytes = heapAfterGc() - heapBeforeLog;

const heapBeforeReplay = heapAfterGc();
const replayed = time(() => replay(log));
const stateBytes = heapAfterGc() - heapBeforeReplay;
// The default: on Node, sha256Hex is Node's native hash. The browser path is @noble/hashes.
const nativeVerify = time(() => verify(log));
const verified = time(() => verify(log, { hash: nobleSha256Hex }));

if (!verified.result.ok || !nativeVerify.result.ok) throw new Error('verify failed on an honest log');
const state = replayed.result;
const rate = (ms) => Math.round(EVENTS / (ms / 1000));

const rows = [
  ['seal (canonical JSON + SHA-256 + link)', sealed.ms, rate(sealed.ms), '—', '—'],
  ['replay → state', replayed.ms, rate(replayed.ms), '≤ 2,000 ms', replayed.ms <= 2000 ? 'met' : 'MISSED'],
  [
    'verify ({ hash: nobleSha256Hex }, as in browsers)',
    verified.ms,
    rate(verified.ms),
    '≥ 300,000 ev/s',
    rate(verified.ms) >= 300_000 ? 'met' : 'MISSED',
  ],
  [
    'verify (default: node:crypto on Node)',
    nativeVerify.ms,
    rate(nativeVerify.ms),
    '≥ 300,000 ev/s',
    rate(nativeVerify.ms) >= 300_000 ? 'met' : 'MISSED',
  ],
];
console.log();
console.log(`| operation (${EVENTS.toLocaleString('en')} events) | ms | events/s | target | result |`);
console.log('|---|---:|---:|---|---|');
for (const [name, ms, perSecond, target, verdict] of rows) {
  console.log(`| ${name} | ${ms.toFixed(0)} | ${perSecond.toLocaleString('en')} | ${target} | ${verdict} |`);
}
console.log();
console.log(
  `verify with @noble/hashes takes ${(verified.ms / nativeVerify.ms).toFixed(2)}× the time of node:crypto ` +
    '(the price of a pure-JS hash that runs unchanged in browsers)',
);
console.log(
  `state: ${state.community.units.size.toLocaleString('en')} units, ${state.community.residents.size.toLocaleString('en')} residents; ` +
    `replay heap growth ${replayed.heapMiB.toFixed(0)} MiB; peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB ` +
    `(log itself ${sealed.heapMiB.toFixed(0)} MiB of heap)`,
);
console.log(
  `memory: the ${EVENTS.toLocaleString('en')}-event log holds ${mib(logBytes)} MiB of heap after GC, ` +
    `${Math.round(logBytes / EVENTS)} B per event (payload, hash and fields); ` +
    `the state replayed from it ${mib(stateBytes)} MiB`,
);
