import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { elevatorMotion, must, onDarkPage, settle, stairwell, violations } from '../test/fixtures.js';
import './all.js';
import type { LinliElement } from './internal/linli-element.js';

/**
 * The residents' elements as an older reader's phone shows them: 360 × 740 px, zh-CN and en, light,
 * dark (on a dark page) and large text. Nothing scrolls sideways, text is at least 16 px, every
 * target at least 44 px, axe finds nothing. Screenshots land in `__screenshots__/phone/` to look at.
 */

afterEach(() => {
  document.body.replaceChildren();
});

async function residentsPage(lang: string, large: boolean) {
  const { gov } = await stairwell(6);
  await elevatorMotion(gov, { mustConsent: ['u102'] });
  await must(
    gov,
    { type: 'ballot.cast', motionId: 'lift', voterId: 'o101', vote: 'yes' },
    { type: 'ballot.cast', motionId: 'lift', voterId: 'o201', vote: 'yes' },
    {
      type: 'scheme.define',
      id: 'lift',
      name: '电梯分摊',
      scope: { kind: 'stairwell', id: 's1' },
      basis: { kind: 'floorCoefficients', coefficients: { '1': 0, '2': 80, '3': 100 } },
      exemptions: [{ unitId: 'u302', reason: '低保户' }],
    },
    { type: 'fund.open', id: 'f', name: '96号楼电梯', budget: 1_000_000 },
    { type: 'fund.pledge', fundId: 'f', schemeId: 'lift', cost: 1_000_000, due: '2026-12-31' },
    { type: 'fund.pay', fundId: 'f', unitId: 'u201', amount: 100_000 },
    {
      type: 'duty.define',
      id: 'clean',
      name: '清洁电梯',
      scope: { kind: 'stairwell', id: 's1' },
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      start: '2026-11-30',
      time: '08:00',
      durationMinutes: 60,
      policy: 'fixedOrder',
    },
    { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36 },
    { type: 'role.appoint', roleId: 'b96-weather', holder: 'r201', reason: '推荐', id: 't-weather' },
  );
  const host = document.createElement('main');
  host.lang = lang;
  const big = large ? ' large-text' : '';
  host.innerHTML = `
    <linli-motion-list${big}></linli-motion-list>
    <linli-vote motion="lift" voter="o101"${big}></linli-vote>
    <linli-fund fund="f" household="u201"${big}></linli-fund>
    <linli-fund fund="f" household="u302"${big}></linli-fund>
    <linli-roster duty="clean" household="u101" weeks="4"${big}></linli-roster>
    <linli-roster duty="clean" household="u101" view="month"${big}></linli-roster>
    <linli-roles building="b96"${big}></linli-roles>`;
  document.body.append(host);
  const elements = [...host.children] as LinliElement[];
  for (const el of elements) el.governance = gov;
  await Promise.all(elements.map((el) => settle(el)));
  return { host, elements };
}

/** Every text-bearing node in the shadow roots, with its computed font size. */
function fontSizes(elements: readonly LinliElement[]): { text: string; px: number }[] {
  return elements.flatMap((el) =>
    [...(el.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [])]
      .filter((n) => [...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim()))
      .filter((n) => n.getClientRects().length > 0)
      .map((n) => ({
        text: n.textContent?.trim().slice(0, 20) ?? '',
        px: Number.parseFloat(getComputedStyle(n).fontSize),
      })),
  );
}

/** Interactive targets smaller than 44 × 44 px. */
function smallTargets(elements: readonly LinliElement[]): string[] {
  return elements.flatMap((el) =>
    [
      ...(el.shadowRoot?.querySelectorAll<HTMLElement>('button, a[href], select, summary, label.choice') ??
        []),
    ]
      .filter((n) => n.getClientRects().length > 0)
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.height < 44 || r.width < 44;
      })
      .map((n) => `${el.localName} ${n.localName}: ${n.textContent?.trim().slice(0, 20)}`),
  );
}

const themes = [
  { name: 'light', dark: false, large: false },
  { name: 'dark', dark: true, large: false },
  { name: 'large', dark: false, large: true },
] as const;

describe('the residents’ elements on a 360 px phone', () => {
  for (const theme of themes)
    for (const lang of ['zh-CN', 'en'])
      it(`${theme.name}, ${lang}: no sideways scroll, text ≥ 16 px, targets ≥ 44 px, axe clean`, async () => {
        await page.viewport(360, 740);
        const run = async () => {
          const { elements } = await residentsPage(lang, theme.large);
          // Open the legal detail too: it must fit as well.
          const details = elements[1]?.shadowRoot?.querySelector('details');
          if (details) details.open = true;
          await Promise.all(elements.map((el) => settle(el)));
          expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
          for (const el of elements) expect(el.scrollWidth, el.localName).toBeLessThanOrEqual(el.clientWidth);
          const small = fontSizes(elements).filter((f) => f.px < 16);
          expect(small).toEqual([]);
          expect(smallTargets(elements)).toEqual([]);
          for (const el of elements) expect(await violations(el), el.localName).toEqual([]);
          // One picture per element, from its top, as the phone's screen shows it.
          for (const [i, el] of elements.entries()) {
            for (const other of elements) other.hidden = other !== el;
            window.scrollTo(0, 0);
            await page.screenshot({
              path: `__screenshots__/phone/${theme.name}-${lang}-${i}-${el.localName}.png`,
            });
          }
        };
        await (theme.dark ? onDarkPage(run) : run());
      });
});
