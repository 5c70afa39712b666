// Shared by the benchmarks: a seeded generator (every run measures the same data) and a timer.

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The best of `runs` timings of `fn` in ms, after one warm-up run unless `warmUp` is false. */
export function bestOf(fn, runs = 1, warmUp = true) {
  if (warmUp) fn();
  let ms = Number.POSITIVE_INFINITY;
  let result;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms, result };
}
