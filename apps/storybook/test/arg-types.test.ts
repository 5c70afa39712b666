import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { argTypesFor, type Manifest } from '../.storybook/arg-types.ts';

const manifest = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@linli/widgets/custom-elements.json'), 'utf8'),
) as Manifest;

it("keeps <linli-vote>'s motion attribute beside its motion part, and lists each property once", () => {
  const rows = argTypesFor(manifest, 'linli-vote');
  expect(rows.motion?.table?.category).toBe('attributes');
  expect(rows['part:motion']).toMatchObject({ name: 'motion', table: { category: 'css shadow parts' } });
  expect(rows['event:linli-ballot-cast']?.table?.type?.summary).toBe('CustomEvent<LinliBallotCastDetail>');
  const properties = Object.values(rows).filter((r) => r.table?.category === 'properties');
  expect(properties.map((r) => r.name).sort()).toEqual(['governance', 'liveUpdates', 'now', 'token']);
  for (const name of ['src', 'endpoint', 'large-text', 'lang'])
    expect(rows[name]?.table?.category).toBe('attributes');
  for (const state of ['draft', 'error', 'confirmed']) expect(rows[state]).toBeUndefined();
});
