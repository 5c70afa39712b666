import fc from 'fast-check';

// Every stated guarantee is checked with at least 1,000 generated cases (DESIGN.md §4).
fc.configureGlobal({ numRuns: Number(process.env.FC_NUM_RUNS ?? 1000) });
