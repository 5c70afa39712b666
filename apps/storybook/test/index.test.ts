import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Checks the static site `storybook build` produced (turbo builds it before this test runs).
const index = fileURLToPath(new URL('../storybook-static/index.json', import.meta.url));
const manifest = createRequire(import.meta.url).resolve('@linli/widgets/custom-elements.json');

interface Entry {
  readonly type: 'story' | 'docs';
  readonly title: string;
  readonly name: string;
}

describe('the built Storybook', () => {
  it('has stories and docs for every element in custom-elements.json, and the scenario section', () => {
    expect(existsSync(index), 'run storybook build first').toBe(true);
    const entries = Object.values(
      (JSON.parse(readFileSync(index, 'utf8')) as { entries: Record<string, Entry> }).entries,
    );
    const tags = (
      JSON.parse(readFileSync(manifest, 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] }
    ).modules
      .flatMap((m) => m.declarations ?? [])
      .flatMap((d) => (d.tagName ? [d.tagName] : []));
    expect(tags.sort()).toEqual([
      'linli-announcements',
      'linli-ballot-form',
      'linli-fund',
      'linli-live-status',
      'linli-money',
      'linli-motion-list',
      'linli-result-notice',
      'linli-roles',
      'linli-roster',
      'linli-sign-in',
      'linli-vote',
    ]);
    for (const tag of tags) {
      const stories = entries.filter((e) => e.title === `Elements/${tag}` && e.type === 'story');
      expect(stories.length, tag).toBeGreaterThanOrEqual(2);
      expect(
        entries.some((e) => e.title === `Elements/${tag}` && e.type === 'docs'),
        `${tag} docs`,
      ).toBe(true);
    }
    const scenario = entries.filter((e) => e.title === 'Scenario: 新福康里').map((e) => e.name);
    expect(scenario).toEqual([
      'Elevator Vote',
      'Cost Split By Floor',
      'Ad Income Offsets Maintenance',
      'Monday Cleaning Rota',
      'One Head Five Specialists',
      'Participatory Budget',
    ]);
  });
});
