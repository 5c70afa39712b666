import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, must, onDarkPage, settle, stairwell, violations } from '../../../test/fixtures.js';
import '../../define/linli-roles.js';
import type { LinliRoles } from './roles.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function rolesElement(lang = 'zh-CN', staffed = true) {
  const setup = await stairwell(4);
  if (staffed)
    await must(
      setup.gov,
      { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36 },
      { type: 'resident.moveIn', unitId: 'u101', id: 'zhang', name: '张阿姨', date: '2010-01-01' },
      {
        type: 'role.appoint',
        roleId: 'b96-head',
        holder: 'zhang',
        reason: '选举',
        from: '2026-01-15',
        id: 't-head',
      },
      { type: 'role.appoint', roleId: 'b96-weather', holder: 'r201', reason: '推荐', id: 't-weather' },
    );
  const el = await mount<LinliRoles>(`<linli-roles lang="${lang}"></linli-roles>`, 'linli-roles', (e) => {
    e.governance = setup.gov;
  });
  return { ...setup, el };
}

const roleRows = (el: LinliRoles) =>
  [...(el.shadowRoot?.querySelectorAll('[part~=role]') ?? [])].map((li) =>
    (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

describe('<linli-roles>', () => {
  it('shows the building head, the specialists and the vacant seats (zh-CN)', async () => {
    const { el } = await rolesElement();
    expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('96号楼 一长五大');
    const rows = roleRows(el);
    expect(rows[0]).toMatch(/^楼组长 张阿姨 任期 2026年1月15日 至 2029年1月15日$/);
    expect(rows[3]).toContain('民间气象员 201');
    expect(el.shadowRoot?.querySelectorAll('[part~=vacant]')).toHaveLength(4);
    expect(rows[1]).toBe('和谐宣传员 空缺');
    expect(await violations(el)).toEqual([]);
  });

  it('speaks English', async () => {
    const { el } = await rolesElement('en');
    expect(roleRows(el)[0]).toBe('Building head 张阿姨 Term Jan 15, 2026 to Jan 15, 2029');
    expect(roleRows(el)[1]).toBe('Harmony publicist Vacant');
  });

  it('says so when no roles are defined', async () => {
    const { el } = await rolesElement('en', false);
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).toBe('No building roles yet');
  });

  it('updates live when a seat is filled', async () => {
    const { el, gov } = await rolesElement();
    await must(gov, { type: 'role.appoint', roleId: 'b96-harmony', holder: '王老师', reason: '推荐' });
    await settle(el);
    expect(roleRows(el)[1]).toContain('和谐宣传员 王老师');
  });

  it('fetches the shared contacts with the session token, and shows them beside the holder', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          contacts: [
            {
              termId: 't-head',
              roleId: 'b96-head',
              buildingId: 'b96',
              name: '张阿姨',
              contact: '138 0000 0101',
            },
          ],
        }),
      ),
    );
    const { el } = await rolesElement();
    el.endpoint = 'https://linli.example/c/xfkl';
    el.token = 'session-token';
    await settle(el);
    await settle(el);
    expect(fetched).toHaveBeenCalledWith('https://linli.example/c/xfkl/roles/contacts', {
      headers: { authorization: 'Bearer session-token' },
    });
    expect(el.shadowRoot?.querySelector('[part=contact]')?.textContent).toBe('联系方式：138 0000 0101');
  });

  it('shows no contact when the server refuses (signed out)', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 401 }));
    const { el } = await rolesElement();
    el.endpoint = 'https://linli.example/c/xfkl';
    el.token = 'expired';
    await settle(el);
    expect(el.shadowRoot?.querySelector('[part=contact]')).toBeNull();
  });

  it('passes axe (contrast included) in dark mode on a dark page', async () => {
    await onDarkPage(async () => {
      const { el } = await rolesElement();
      expect(await violations(el)).toEqual([]);
    });
  });
});
