import fc from 'fast-check';

// Every guarantee the README states is checked with at least 1,000 generated cases.
// FC_NUM_RUNS overrides it in Node; in the browser there is no process, so the default holds.
const override = typeof process === 'undefined' ? undefined : process.env.FC_NUM_RUNS;
fc.configureGlobal({ numRuns: Number(override ?? 1000) });
