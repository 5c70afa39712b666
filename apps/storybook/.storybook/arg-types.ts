import type { ArgTypes } from '@storybook/web-components-vite';

interface Item {
  readonly name: string;
  readonly description?: string;
  readonly type?: { readonly text: string };
  readonly default?: string;
  readonly attribute?: string;
  readonly kind?: string;
}
interface Declaration {
  readonly tagName?: string;
  readonly description?: string;
  readonly attributes?: readonly Item[];
  readonly members?: readonly Item[];
  readonly events?: readonly Item[];
  readonly slots?: readonly Item[];
  readonly cssProperties?: readonly Item[];
  readonly cssParts?: readonly Item[];
}
/** The part of `custom-elements.json` the docs read. */
export interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly Declaration[] }[];
}

/**
 * Autodocs' rows for one element. Storybook's own extractor keys every row by its bare name, so a CSS
 * part called `motion` replaced the `motion` attribute (and its control) on `<linli-vote>`'s page, and a
 * property with an attribute was listed twice. Here attributes and property-only members keep the
 * plain name (the stories' args), and events, slots, parts and CSS properties get a prefixed key.
 */
export function argTypesFor(manifest: Manifest, tag: string): ArgTypes {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!element) return {};
  const rows: ArgTypes = {};
  const add = (key: string, item: Item, category: string, control: boolean) => {
    rows[key] = {
      name: item.name,
      description: item.description ?? '',
      table: {
        category,
        ...(item.type ? { type: { summary: item.type.text } } : {}),
        ...(item.default === undefined ? {} : { defaultValue: { summary: item.default } }),
      },
      ...(control ? {} : { control: false }),
    };
  };
  for (const a of element.attributes ?? []) add(a.name, a, 'attributes', true);
  for (const m of element.members ?? []) {
    if (m.kind === 'field' && m.attribute === undefined && !(m.name in rows))
      add(m.name, m, 'properties', true);
  }
  for (const e of element.events ?? []) add(`event:${e.name}`, e, 'events', false);
  for (const s of element.slots ?? []) add(`slot:${s.name}`, s, 'slots', false);
  for (const p of element.cssParts ?? []) add(`part:${p.name}`, p, 'css shadow parts', false);
  for (const c of element.cssProperties ?? []) add(`css:${c.name}`, c, 'css custom properties', false);
  return rows;
}
