/** Makes a fresh id for a new entity of `kind` (e.g. `unit`). Injected so tests can be deterministic. */
export type IdGenerator = (kind: string) => string;

/**
 * Random ids, `unit_1f0c…` (128 random bits), from `crypto.getRandomValues` — unlike `randomUUID` it
 * also works on plain-http pages, which many community sites still are.
 */
export const randomIds: IdGenerator = (kind) => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return `${kind}_${hex}`;
};

/** Deterministic ids, `unit-1`, `unit-2`, `owner-1`, counted per kind: for tests and reproducible demos. */
export function sequentialIds(prefix = ''): IdGenerator {
  const counters = new Map<string, number>();
  return (kind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${prefix}${kind}-${n}`;
  };
}
