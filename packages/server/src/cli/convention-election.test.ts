/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { join } from 'node:path';
import type { Motion } from '@linli/core';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { type ConsoleLook, consolePage, focusedId, tabTo, textOf } from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';

/** Set to a folder to keep a screenshot of every step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;
const COMMUNITY = 'lane7';
const PHONE = { width: 390, height: 844 };

/** Eight households of 7号楼, each with its own owner. */
const ROOMS = ['101', '102', '201', '202', '301', '302', '401', '402'] as const;
const REGISTER = `楼号,单元,室号,面积,产权人\n${ROOMS.map((r) => `7,1,${r},80.00,业主${r}`).join('\n')}\n`;
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '幸福里7号楼',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
});
const { api, command, householdToken, units } = t;

// The register names owners; residents' matters count the households living here, one resident each.
beforeAll(async () => {
  for (const [room, unitId] of units)
    await command({ type: 'resident.moveIn', unitId, name: `住户${room}`, date: '2010-01-01' });
});

const CONVENTION = '第一条 文明乘梯，先下后上。\n第二条 宠物须牵好。\n第三条 爱护电梯设施。';
/** Room 101's amendment: article two rewritten (accepted below). */
const AMENDED = '第一条 文明乘梯，先下后上。\n第二条 宠物须抱起，不得单独乘梯。\n第三条 爱护电梯设施。';
/** Room 202's amendment: a fourth article (rejected below, with a reason). */
const ADDED = `${CONVENTION}\n第四条 电梯内禁止吸烟。`;

const view = () => api<{ motions: Motion[] }>('/view');
const motionIn = async (id: string) => (await view()).motions.find((m) => m.id === id);
const unit = (room: string) => units.get(room) ?? '';

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const open = (look: ConsoleLook) => consolePage(t.browser, COMMUNITY, t.organizer, look);
const motionPage = (id: string) => `${t.server.base}/c/${COMMUNITY}/organizer/motions/${id}`;
const wizard = () => `${t.server.base}/c/${COMMUNITY}/organizer/motions/new`;
/** The motion id the wizard navigated to after saving. */
const motionOfUrl = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');

/** Drafts the convention in the wizard from its template, at a phone size in zh-CN; the motion's id. */
async function draftConvention(page: Page): Promise<string> {
  await page.goto(wizard());
  await page.getByLabel('制定或修改公约').check();
  await page.getByLabel('标题').fill('7号楼电梯公约');
  await page.getByLabel('正文（方案、条文、说明）').fill(CONVENTION);
  // The template opens the convention to the households' amendments.
  expect(await page.locator('#residentAmendments').isChecked()).toBe(true);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await poll(() => textOf(page, 'linli-motion-screen h1#title')).toBe('7号楼电梯公约');
  return motionOfUrl(page);
}

describe('the convention: amendments proposed, accepted and rejected in the browser, then voted', () => {
  it('drafts from the template, takes two residents’ amendments, accepts one and rejects one by keyboard, opens, votes, closes: the adopted text and history are right', async () => {
    const { page, errors } = await open({ viewport: PHONE, language: 'zh-CN' });
    const id = await draftConvention(page);
    expect((await motionIn(id))?.amendableBy).toBe('electorate');

    // Two residents propose amendments through the API (their own screen belongs to the residents' issue).
    const r101 = await householdToken('101');
    const r202 = await householdToken('202');
    const propose = (text: string, room: string, note: string) => ({
      type: 'motion.proposeAmendment',
      motionId: id,
      text,
      note,
      voterId: unit(room),
    });
    await command(propose(AMENDED, '101', '宠物应抱起'), r101);
    await command(propose(ADDED, '202', '加一条禁烟'), r202);
    // A household cannot propose in another household's name, nor decide one.
    await expect(command(propose(ADDED, '101', 'x'), r202)).rejects.toThrow('auth.forbidden');
    const [first, second] = (await motionIn(id))?.amendments ?? [];
    expect([first?.voterId, second?.voterId]).toEqual([unit('101'), unit('202')]);

    // The organizer sees both, by room, with the diff marked by character.
    await poll(() => textOf(page, `#amendment-${first?.id}`)).toContain('101室');
    const one = `#amendment-${first?.id}`;
    expect(await textOf(page, one)).toContain('理由：宠物应抱起');
    // When it was proposed, from the log (the history follows the replica's new amendments).
    await poll(() => textOf(page, one)).toMatch(/101室于 2026年\d+月\d+日 \d+:\d+ 提出/);
    expect(await textOf(page, one)).toContain('删去 1 行，加入 1 行');
    expect(await page.locator(`${one} del`).allTextContents()).toEqual(['牵好']);
    expect(await page.locator(`${one} ins`).allTextContents()).toEqual(['抱起，不得单独乘梯']);
    expect(await page.locator(`#amendment-${second?.id} ins`).allTextContents()).toEqual([
      '第四条 电梯内禁止吸烟。',
    ]);
    expect(await textOf(page, `#amendment-${second?.id}`)).toContain('202室');
    await check(page, 'convention-1-two-proposals-phone-zh');

    // Voting cannot open while they wait: the core's typed refusal, inline.
    await tabTo(page, 'do-open');
    await page.keyboard.press('Enter');
    await tabTo(page, 'confirm');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, 'form.confirm .alert')).toContain('还有 2 份修正案没有处理');
    await tabTo(page, 'keep');
    await page.keyboard.press('Enter');

    // Accept the first, keyboard only, behind a confirmation that says what it does.
    await tabTo(page, `accept-${first?.id}`);
    await page.keyboard.press('Enter');
    await poll(() => focusedId(page)).toBe('decide-h');
    expect(await textOf(page, 'linli-motion-amendments form.confirm')).toContain(
      '议题的条文就换成修正案 1 的文字',
    );
    await check(page, 'convention-2-confirm-accept-phone-zh');
    await tabTo(page, 'decide-confirm');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, 'linli-motion-amendments .done')).toBe('已采纳修正案 1，条文已更新。');
    expect((await motionIn(id))?.body).toBe(AMENDED);
    await poll(() => page.locator('#body-text').textContent()).toContain('宠物须抱起');

    // Reject the second with a reason.
    await tabTo(page, `reject-${second?.id}`);
    await page.keyboard.press('Enter');
    await tabTo(page, 'reject-reason');
    await page.keyboard.type('物业规定已有');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, 'linli-motion-amendments .done')).toBe('已驳回修正案 2。');
    await poll(() => textOf(page, `#amendment-${second?.id}`)).toContain('驳回原因：物业规定已有');
    expect((await motionIn(id))?.body).toBe(AMENDED);
    await poll(() => textOf(page, 'ol.history')).toContain('驳回了修正案 2：物业规定已有');
    await check(page, 'convention-3-decided-phone-zh');

    // Open, five households vote on their phones or on paper, close.
    await tabTo(page, 'do-open');
    await page.keyboard.press('Enter');
    await tabTo(page, 'confirm');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, '#status')).toBe('状态：正在投票');
    await command({ type: 'ballot.cast', motionId: id, voterId: unit('101'), vote: 'yes' }, r101);
    await command({ type: 'ballot.cast', motionId: id, voterId: unit('202'), vote: 'no' }, r202);
    for (const [room, vote] of [
      ['201', 'yes'],
      ['301', 'yes'],
      ['402', 'abstain'],
    ] as const)
      await command({ type: 'ballot.cast', motionId: id, voterId: unit(room), vote, paperRef: `C-${room}` });
    await tabTo(page, 'do-close');
    await page.keyboard.press('Enter');
    await tabTo(page, 'confirm');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, '#status')).toBe('状态：已结束');

    // 3 yes of 5 taking part (1 no, 1 abstention): more than half, whether abstentions count or not;
    // and what is adopted is the amended text, not the draft's first text.
    const closed = await motionIn(id);
    expect(closed?.result).toMatchObject({ outcome: 'passed', adoptedText: AMENDED });
    await poll(() => textOf(page, 'linli-motion-amendments h3#text-h')).toBe('表决通过的条文');
    expect(await page.locator('#body-text').textContent()).toContain('第二条 宠物须抱起，不得单独乘梯。');
    const history = await textOf(page, 'ol.history');
    for (const line of [
      '101室 提出了修正案 1',
      '202室 提出了修正案 2',
      '采纳了修正案 1',
      '驳回了修正案 2：物业规定已有',
      '开始投票（8 个有表决权）',
      '结束投票，结果：通过',
    ])
      expect(history).toContain(line);
    await check(page, 'convention-4-adopted-phone-zh');
    expect(errors).toEqual([]);
  }, 90_000);

  it('the amendments section at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    await command({
      type: 'motion.draft',
      id: 'rules',
      title: '楼道堆物公约',
      body: CONVENTION,
      kind: 'proposal',
      scope: { kind: 'community' },
      basis: 'households',
      rule: 'simpleMajority',
      amendableBy: 'electorate',
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await command(
      {
        type: 'motion.proposeAmendment',
        motionId: 'rules',
        text: AMENDED,
        voterId: unit('302'),
        note: '改第二条',
      },
      await householdToken('302'),
    );
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await open({ viewport, language, ...look });
          await page.goto(motionPage('rules'));
          await poll(() => page.locator('linli-motion-amendments del').count()).toBe(1);
          const name = `amend-${viewport.width}-${language}-${'theme' in look ? look.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
  }, 90_000);
});

describe('the role election: STV for two seats, and the winners seated from the motion page', () => {
  it('sets up 一长五大 in the wizard, drafts a two-seat STV election, takes ballots, closes and seats the winners', async () => {
    const { page, errors } = await open({ viewport: PHONE, language: 'zh-CN' });
    await page.goto(wizard());
    await page.getByLabel('选举楼组长等（一长五大）').check();
    // No roles yet: the six standard ones, set up on the spot.
    await tabTo(page, 'define-standard');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#role').inputValue()).toMatch(/-head$/);
    expect(await textOf(page, '#role-terms')).toBe('名额：1 · 任期：36 个月');
    // A two-seat role (two building representatives), defined by the committee through the API.
    const roles = await page
      .locator('#role option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const head = roles[0] ?? '';
    await command({
      type: 'role.define',
      id: 'reps',
      buildingId: head.replace(/-head$/, ''),
      name: { 'zh-CN': '楼组代表', en: 'Building representative' },
      termMonths: 24,
      seats: 2,
    });
    await poll(() => page.locator('#role option[value="reps"]').count()).toBe(1);
    await page.locator('#role').selectOption('reps');
    await poll(() => textOf(page, '#role-terms')).toBe('名额：2 · 任期：24 个月');
    await page.getByLabel('标题').fill('选举楼组代表（两名）');
    await page.getByRole('button', { name: '加一个选项' }).click();
    for (const [i, name] of ['张阿姨', '李师傅', '王老师', '赵大姐'].entries())
      await page.getByLabel(`选项 ${i + 1}`, { exact: true }).fill(name);
    await page.getByLabel('保存后马上开始投票').check();
    await page.getByRole('button', { name: '保存并开始投票' }).click();
    await page.getByRole('button', { name: '确认，开始投票' }).click();
    await poll(() => textOf(page, '#status')).toBe('状态：正在投票');
    const id = motionOfUrl(page);
    const election = await motionIn(id);
    expect(election).toMatchObject({ kind: 'ranked', method: 'stv', seats: 2, electsRole: 'reps' });
    const option = (label: string) => election?.options.find((o) => o.label === label)?.id ?? '';
    const [A, B, C, D] = ['张阿姨', '李师傅', '王老师', '赵大姐'].map(option) as [
      string,
      string,
      string,
      string,
    ];
    expect(await textOf(page, '#seats-role')).toContain('楼组代表');

    // Eight paper ballots. Worked by hand (Droop quota ⌊8 / (2 + 1)⌋ + 1 = 3):
    //   first preferences A 3, B 2, C 1, D 2 → A reaches the quota, elected with no surplus;
    //   nobody else has 3 → C, the lowest, is eliminated; its ballot (C > B) moves to B → B 3, elected.
    // Winners: A (张阿姨) then B (李师傅). (Counting first preferences only would tie B and D at 2.)
    const ballots: [string, string[]][] = [
      ['101', [A, C]],
      ['102', [A, C]],
      ['201', [A, C]],
      ['202', [B, D]],
      ['301', [B, D]],
      ['302', [C, B]],
      ['401', [D, B]],
      ['402', [D, C]],
    ];
    for (const [room, ranking] of ballots)
      await command({
        type: 'ballot.cast',
        motionId: id,
        voterId: unit(room),
        ranking,
        paperRef: `E-${room}`,
      });
    await tabTo(page, 'do-close');
    await page.keyboard.press('Enter');
    await tabTo(page, 'confirm');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, '#status')).toBe('状态：已结束');
    expect((await motionIn(id))?.result?.winners).toEqual([A, B]);
    await poll(() => page.locator('#winners li').allTextContents()).toEqual(['张阿姨', '李师傅']);
    expect(await textOf(page, 'linli-motion-seats section')).toContain('目前没有人担任。');
    await check(page, 'election-1-closed-phone-zh');

    // Seat the winners, keyboard only, behind a confirmation.
    await tabTo(page, 'seat');
    await page.keyboard.press('Enter');
    await poll(() => focusedId(page)).toBe('seat-confirm-h');
    expect(await textOf(page, 'linli-motion-seats form.confirm')).toContain(
      '让 张阿姨、李师傅 从今天起担任“楼组代表”，任期 24 个月',
    );
    await tabTo(page, 'seat-confirm');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, 'linli-motion-seats .done')).toBe('已按结果任命。');
    await poll(() => page.locator('#holders li').count()).toBe(2);
    const holders = await textOf(page, '#holders');
    expect(holders).toContain('张阿姨，任期到');
    expect(holders).toContain('李师傅，任期到');
    expect(holders).toContain('（由这次选举任命）');
    expect(await page.locator('#seat').count()).toBe(0);
    // Seated once: the same result cannot seat them again (the core refuses, nothing changes).
    await expect(command({ type: 'role.appointFromMotion', roleId: 'reps', motionId: id })).rejects.toThrow(
      'role.no_vacancy',
    );
    await check(page, 'election-2-seated-phone-zh');

    // A by-election for the same, now full, role: seating is refused with the core's words, inline.
    await command({
      type: 'motion.draft',
      id: 'by-election',
      title: '补选楼组代表',
      kind: 'single',
      options: [
        { id: 'w', label: '王老师' },
        { id: 'z', label: '赵大姐' },
      ],
      scope: election?.scope,
      basis: 'households',
      rule: 'simpleMajority',
      electsRole: 'reps',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await command({ type: 'motion.open', motionId: 'by-election' });
    for (const room of ROOMS)
      await command({
        type: 'ballot.cast',
        motionId: 'by-election',
        voterId: unit(room),
        option: 'w',
        paperRef: `B-${room}`,
      });
    await command({ type: 'motion.close', motionId: 'by-election' });
    await page.goto(motionPage('by-election'));
    await tabTo(page, 'seat');
    await page.keyboard.press('Enter');
    await tabTo(page, 'seat-confirm');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, 'linli-motion-seats form.confirm .alert')).toBe(
      '“楼组代表”的 2 个席位已满',
    );
    await check(page, 'election-3-refused-phone-zh');
    expect(errors).toEqual([]);
  }, 90_000);
});
