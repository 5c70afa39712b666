import { type LazyModule, lazyModule } from './lazy.js';

/**
 * The residents' screens (a household's notices): `dist/resident.js` (its own build, from
 * `src/resident.ts`), so neither the first load nor a resident's phone carries the organizer's console.
 * It also brings the household's sign-in, `<linli-sign-in>` from `@linli/widgets` (its `<linli-vote>`
 * carries it): the sign-in screen loads it for the household's form, in its own file so that screen
 * need not import the route table that imports it.
 */
export const residentModule: LazyModule = lazyModule(
  () => import(/* @vite-ignore */ new URL('./resident.js', import.meta.url).href),
);
