import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, must, onDarkPage, settle, stairwell, violations } from '../../../test/fixtures.js';
import type { LinliSwapRequestedDetail } from '../../events.js';
import '../../define/linli-roster.js';
import type { LinliRoster } from './roster.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function rosterElement(lang = 'zh-CN') {
  const setup = await stairwell(6);
  await must(setup.gov, {
    type: 'duty.define',
    id: 'clean',
    name: '清洁电梯',
    scope: { kind: 'stairwell', id: 's1' },
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    start: '2026-11-30',
    time: '08:00',
    durationMinutes: 60,
    policy: 'fixedOrder',
  });
  const el = await mount<LinliRoster>(
    `<linli-roster duty="clean" household="u101" lang="${lang}"></linli-roster>`,
    'linli-roster',
    (e) => {
      e.governance = setup.gov;
      e.now = new Date('2026-11-30T00:00:00Z');
    },
  );
  return { ...setup, el };
}

const root = (el: LinliRoster) => el.shadowRoot as ShadowRoot;

describe('<linli-roster>', () => {
  it('lists upcoming turns with today highlighted and rooms by name', async () => {
    const { el } = await rosterElement();
    const slots = root(el).querySelectorAll('[part~=slot]');
    expect(slots.length).toBeGreaterThan(4);
    expect(slots[0]?.getAttribute('part')).toContain('today');
    expect(slots[0]?.getAttribute('aria-current')).toBe('date');
    expect(slots[0]?.textContent).toContain('101室');
    expect(await violations(el)).toEqual([]);
  });

  it('filters to my household and switches to a month view', async () => {
    const { el } = await rosterElement('en');
    await userEvent.click(root(el).querySelector('input[type=checkbox]') as HTMLInputElement);
    await el.updateComplete;
    const mine = [...root(el).querySelectorAll('[part~=slot]')];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.getAttribute('part')?.includes('mine'))).toBe(true);
    await userEvent.click(
      [...root(el).querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Month',
      ) as HTMLButtonElement,
    );
    await el.updateComplete;
    expect(root(el).querySelector('table[part=month] caption')?.textContent).toBe('November 2026');
    expect(root(el).querySelector('td[data-today]')?.textContent).toContain('30');
    expect(await violations(el)).toEqual([]);
  });

  it('requests a swap and tells the page', async () => {
    const { el, gov } = await rosterElement('en');
    const requested: LinliSwapRequestedDetail[] = [];
    el.addEventListener('linli-swap-requested', (e) => requested.push(e.detail));
    await userEvent.click(
      [...root(el).querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Request a swap',
      ) as HTMLButtonElement,
    );
    await el.updateComplete;
    await userEvent.click(
      [...root(el).querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Send swap request',
      ) as HTMLButtonElement,
    );
    await settle(el);
    expect(requested).toHaveLength(1);
    expect(gov.read((s) => s.rotation.duties.get('clean')?.swaps)).toMatchObject([
      { status: 'proposed', first: { memberId: 'u101' } },
    ]);
    expect(root(el).textContent).toContain('waiting for the other household');
  });

  it('offers the iCal feed as a download', async () => {
    const { el } = await rosterElement('en');
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await userEvent.click(
      [...root(el).querySelectorAll('button')].find((b) =>
        b.textContent?.includes('iCal'),
      ) as HTMLButtonElement,
    );
    const ics = await blobs[0]?.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('UID:clean-20261130@linli');
  });

  it('passes axe (contrast included) in dark mode on a dark page, as a list and a month', async () => {
    await onDarkPage(async () => {
      const { el } = await rosterElement();
      expect(await violations(el)).toEqual([]);
      el.setAttribute('view', 'month');
      await settle(el);
      expect(await violations(el)).toEqual([]);
    });
  });
});
