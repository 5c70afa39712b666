/** Makes a fresh id for a new entity of `kind` (e.g. `unit`). Injected so tests can be deterministic. */
export type IdGenerator = (kind: string) => string;

/** Random ids, `unit_1f0c…`, from the platform's `crypto.randomUUID` (Node ≥ 19, every current browser). */
export const randomIds: IdGenerator = (kind) => `${kind}_${crypto.randomUUID().replaceAll('-', '')}`;

/** Deterministic ids, `unit-1`, `unit-2`, `owner-1`, counted per kind: for tests and reproducible demos. */
export function sequentialIds(prefix = ''): IdGenerator {
  const counters = new Map<string, number>();
  return (kind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${prefix}${kind}-${n}`;
  };
}
