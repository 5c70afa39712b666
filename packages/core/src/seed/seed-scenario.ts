import type { Governance } from '../governance/governance.js';

/** A participatory-budget project of the seed: the approval motion's option ids and their costs. */
export interface SeedProject {
  readonly id: string;
  readonly name: string;
  /** Fen. */
  readonly cost: number;
}

/** What the seed scenario created, by id, for stories, demos and tests to point at. */
export interface SeedIds {
  readonly building: 'b96';
  readonly stairwell: 's1';
  readonly tower: 'ft';
  readonly elevatorMotion: 'lift';
  readonly conventionMotion: 'convention';
  readonly headElection: 'head-2026';
  readonly projectsMotion: 'projects';
  readonly liftFund: 'lift-fund';
  readonly upkeepFund: 'upkeep';
  readonly doormanFund: 'doorman';
  readonly cleaningDuty: 'clean';
  readonly projects: readonly SeedProject[];
  /** The community fund's budget for the projects, fen. */
  readonly projectBudget: number;
}

async function run(gov: Governance, ...commands: readonly unknown[]): Promise<void> {
  for (const command of commands) {
    const result = await gov.execute(command);
    if (!result.ok)
      throw new Error(`seed: ${(command as { type: string }).type}: ${result.error.message.en}`);
  }
}

const projects: readonly SeedProject[] = [
  { id: 'bench', name: '楼下休息长椅', cost: 300_000 },
  { id: 'light', name: '楼道感应灯', cost: 450_000 },
  { id: 'garden', name: '屋顶小菜园', cost: 800_000 },
  { id: 'bikes', name: '非机动车棚', cost: 1_200_000 },
];

/**
 * The reference story of Linli, as data: 新福康里, Building 96's first stairwell (six floors, two units
 * a floor, 75.32 m² and 88.68 m²; 王 owns 501 and 502; 602 is still the developer's; the households of
 * 102 and 202 are aged 80+), its elevator vote under Civil Code Art. 278 (half cast, with a proxy and a
 * paper ballot, the ground floor's consent outstanding), a draft convention with an amendment, the
 * building head's election and the 一长五大 roles, the elevator's cost split by floor coefficient after a
 * 40% subsidy with pledges and payments, ad income offsetting maintenance, the Monday cleaning rota
 * with an absence and a swap, 福泰大厦's 80 households sharing the doorman's wage, and a project vote
 * for the community fund. Expects a fresh governance whose clock reads 2026-11-29.
 */
export async function seedScenario(gov: Governance): Promise<SeedIds> {
  await seedStairwell(gov);
  await seedElevatorVote(gov);
  await seedConvention(gov);
  await seedHeadElection(gov);
  await seedElevatorFunds(gov);
  await seedCleaningRota(gov);
  await seedTower(gov);
  await seedProjectVote(gov);
  return {
    building: 'b96',
    stairwell: 's1',
    tower: 'ft',
    elevatorMotion: 'lift',
    conventionMotion: 'convention',
    headElection: 'head-2026',
    projectsMotion: 'projects',
    liftFund: 'lift-fund',
    upkeepFund: 'upkeep',
    doormanFund: 'doorman',
    cleaningDuty: 'clean',
    projects,
    projectBudget: 1_500_000,
  };
}

/** Building 96's first stairwell: its twelve units, their owners and their households. */
async function seedStairwell(gov: Governance): Promise<void> {
  await run(
    gov,
    { type: 'community.found', name: '新福康里', id: 'xfkl' },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
    { type: 'owner.register', name: '王建国', kind: 'person', id: 'o-wang' },
    { type: 'owner.register', name: '新福康里置业', kind: 'organisation', developer: true, id: 'o-dev' },
  );
  const names: Record<string, string> = {
    '101': '张阿姨',
    '201': '李师傅',
    '301': '陈老师',
    '401': '刘女士',
  };
  for (let floor = 1; floor <= 6; floor++) {
    for (const [suffix, area] of [
      ['01', 7532],
      ['02', 8868],
    ] as const) {
      const room = `${floor}${suffix}`;
      const owner = floor === 5 ? 'o-wang' : room === '602' ? 'o-dev' : `o${room}`;
      await run(gov, {
        type: 'unit.add',
        stairwellId: 's1',
        room,
        floor,
        area,
        areaSource: 'registered',
        id: `u${room}`,
      });
      if (owner === `o${room}`)
        await run(gov, { type: 'owner.register', name: `${room}室业主`, kind: 'person', id: owner });
      await run(gov, { type: 'unit.transfer', unitId: `u${room}`, ownerIds: [owner], date: '2012-05-01' });
      if (room === '602') continue; // unsold: nobody lives there
      const elderly = room === '102' || room === '202';
      await run(gov, {
        type: 'resident.moveIn',
        unitId: `u${room}`,
        id: `r${room}`,
        birthYear: elderly ? 1941 : 1978,
        date: '2012-06-01',
        ...(names[room] ? { name: names[room] } : {}),
      });
    }
  }
}

/** The elevator vote, open and half cast: a proxy, a paper ballot, the ground floor's consent outstanding. */
async function seedElevatorVote(gov: Governance): Promise<void> {
  // The elevator vote (Art. 278, matter 7): the shaft touches the ground-floor kitchens.
  await run(
    gov,
    {
      type: 'motion.draft',
      id: 'lift',
      title: '96号楼1单元加装电梯',
      body: '同意按设计方案在1单元北侧加装电梯一部，费用按楼层系数分摊，一、二楼免缴。',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'civilCode278.major',
      mustConsent: ['u101', 'u102'],
      proxyCap: 1,
      closesAt: '2026-12-20T10:00:00Z',
    },
    { type: 'motion.open', motionId: 'lift' },
    {
      type: 'proxy.grant',
      motionId: 'lift',
      voterId: 'o401',
      holder: '刘女士的邻居',
      paperRef: '委托书 2026-007',
      id: 'p401',
    },
  );
  for (const [voterId, vote, extra] of [
    ['o101', 'yes', {}],
    ['o201', 'yes', {}],
    ['o202', 'yes', {}],
    ['o301', 'yes', { paperRef: '纸质表决票 No.12' }],
    ['o302', 'no', {}],
    ['o401', 'yes', { proxyId: 'p401' }],
    ['o402', 'yes', {}],
    ['o-wang', 'yes', {}],
    ['o601', 'yes', {}],
  ] as const) {
    await run(gov, { type: 'ballot.cast', motionId: 'lift', voterId, vote, ...extra });
  }
}

/** A building convention, still a draft, with an accepted amendment. */
async function seedConvention(gov: Governance): Promise<void> {
  // A building convention, still a draft, with an accepted amendment.
  await run(
    gov,
    {
      type: 'motion.draft',
      id: 'convention',
      title: '96号楼电梯使用公约',
      body: '第一条 文明乘梯。',
      kind: 'proposal',
      scope: { kind: 'building', id: 'b96' },
      basis: 'households',
      rule: 'simpleMajority',
      closesAt: '2027-01-10T10:00:00Z',
    },
    {
      type: 'motion.proposeAmendment',
      motionId: 'convention',
      id: 'a1',
      text: '第一条 文明乘梯。第二条 宠物须抱起或牵紧。',
    },
    { type: 'motion.acceptAmendment', motionId: 'convention', amendmentId: 'a1' },
  );
}

/** The building head's election, closed, and the roles it and the 居委会 fill. */
async function seedHeadElection(gov: Governance): Promise<void> {
  // The building head's election (closed) and the one-head-five-specialists roles.
  await run(
    gov,
    {
      type: 'motion.draft',
      id: 'head-2026',
      title: '选举96号楼楼组长',
      kind: 'single',
      options: [
        { id: 'zhang', label: '张阿姨' },
        { id: 'li', label: '李师傅' },
      ],
      scope: { kind: 'building', id: 'b96' },
      basis: 'households',
      rule: 'simpleMajority',
      closesAt: '2026-12-05T10:00:00Z',
    },
    { type: 'motion.open', motionId: 'head-2026' },
  );
  for (const [voterId, option] of [
    ['u101', 'zhang'],
    ['u102', 'zhang'],
    ['u201', 'li'],
    ['u202', 'zhang'],
    ['u301', 'zhang'],
    ['u302', 'li'],
    ['u401', 'zhang'],
  ] as const) {
    await run(gov, { type: 'ballot.cast', motionId: 'head-2026', voterId, option });
  }
  await run(
    gov,
    { type: 'motion.close', motionId: 'head-2026' },
    { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36, termLimit: 2 },
    { type: 'role.appointFromMotion', roleId: 'b96-head', motionId: 'head-2026' },
    { type: 'role.appoint', roleId: 'b96-weather', holder: '李师傅', reason: '居委会推荐，本人同意' },
    { type: 'role.appoint', roleId: 'b96-safety', holder: '陈老师', reason: '居委会推荐，本人同意' },
  );
}

/** The elevator's cost split with pledges and payments, and its maintenance partly paid by ad income. */
async function seedElevatorFunds(gov: Governance): Promise<void> {
  // The elevator's cost: floors 1–2 exempt, then 0.7 … 1.0 × area, after 40% from the district.
  await run(
    gov,
    {
      type: 'scheme.define',
      id: 'lift-cost',
      name: '加装电梯费用分摊',
      scope: { kind: 'stairwell', id: 's1' },
      basis: {
        kind: 'floorCoefficients',
        coefficients: { '1': 0, '2': 0, '3': 70, '4': 80, '5': 90, '6': 100 },
      },
      subsidy: { kind: 'percent', basisPoints: 4000, cap: 24_000_000 },
    },
    { type: 'fund.open', id: 'lift-fund', name: '96号楼电梯', budget: 60_000_000 },
    { type: 'fund.pledge', fundId: 'lift-fund', schemeId: 'lift-cost', cost: 60_000_000, due: '2026-12-31' },
    { type: 'fund.pay', fundId: 'lift-fund', unitId: 'u301', amount: 1_701_994, reference: '转账 0001' },
    { type: 'fund.pay', fundId: 'lift-fund', unitId: 'u601', amount: 4_862_841 },
  );

  // Ad income in the elevator pays for part of its maintenance (Art. 282).
  await run(
    gov,
    { type: 'fund.open', id: 'upkeep', name: '电梯维保', budget: 1_200_000 },
    {
      type: 'charge.define',
      id: 'maint',
      fundId: 'upkeep',
      name: '电梯维保费',
      monthlyAmount: 100_000,
      scope: { kind: 'stairwell', id: 's1' },
      start: '2026-11',
    },
    {
      type: 'fund.income',
      fundId: 'upkeep',
      amount: 80_000,
      relatedCosts: 20_000,
      source: '电梯广告 2026-10',
      offset: { chargeId: 'maint' },
    },
    { type: 'charge.bill', chargeId: 'maint', month: '2026-11' },
  );
}

/** The Monday cleaning rota, with an absence and an accepted swap. */
async function seedCleaningRota(gov: Governance): Promise<void> {
  // Cleaning the elevator every Monday at 08:00: the over-80s are exempt; 302 is away in January.
  await run(
    gov,
    {
      type: 'duty.define',
      id: 'clean',
      name: '清洁电梯',
      scope: { kind: 'stairwell', id: 's1' },
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      start: '2026-11-30',
      time: '08:00',
      durationMinutes: 60,
      exemptAge: 80,
      policy: 'leastServed',
    },
    {
      type: 'duty.absence',
      dutyId: 'clean',
      memberId: 'u302',
      from: '2027-01-01',
      to: '2027-01-31',
      reason: '回老家过年',
    },
  );
  const roster = gov.roster('clean', '2027-03-31' as never);
  const turn = (unitId: string) => roster.find((s) => s.assignees.includes(unitId))?.date;
  await run(
    gov,
    {
      type: 'duty.proposeSwap',
      dutyId: 'clean',
      id: 'swap-1',
      first: { date: turn('u401'), memberId: 'u401' },
      second: { date: turn('u402'), memberId: 'u402' },
    },
    { type: 'duty.acceptSwap', dutyId: 'clean', swapId: 'swap-1' },
  );
}

/** 福泰大厦's 80 households sharing the doorman's wage. */
async function seedTower(gov: Governance): Promise<void> {
  // 福泰大厦: 80 households share the doorman's wage; one moved out mid-November.
  await run(
    gov,
    { type: 'building.add', name: '福泰大厦', id: 'ft' },
    { type: 'stairwell.add', buildingId: 'ft', name: 'A座', id: 'fa' },
    { type: 'fund.open', id: 'doorman', name: '门卫工资', budget: 5_760_000 },
    {
      type: 'charge.define',
      id: 'wage',
      fundId: 'doorman',
      name: '门卫工资',
      monthlyAmount: 480_000,
      scope: { kind: 'building', id: 'ft' },
      start: '2026-01',
    },
  );
  for (let i = 1; i <= 80; i++) {
    const id = `ft${String(i).padStart(2, '0')}`;
    await run(
      gov,
      {
        type: 'unit.add',
        stairwellId: 'fa',
        room: `${Math.ceil(i / 4)}0${((i - 1) % 4) + 1}`,
        floor: Math.ceil(i / 4),
        area: 9000,
        areaSource: 'registered',
        id,
      },
      { type: 'resident.moveIn', unitId: id, id: `r${id}`, date: '2020-01-01' },
    );
  }
  await run(
    gov,
    { type: 'resident.moveOut', residentId: 'rft37', date: '2026-11-16' },
    { type: 'charge.bill', chargeId: 'wage', month: '2026-11' },
  );
}

/** The community fund's project vote (approval), open. */
async function seedProjectVote(gov: Governance): Promise<void> {
  // The community fund's project vote (approval), open.
  await run(
    gov,
    {
      type: 'motion.draft',
      id: 'projects',
      title: '2027年社区自治项目',
      kind: 'approval',
      options: projects.map((p) => ({ id: p.id, label: p.name })),
      minChoices: 1,
      maxChoices: 3,
      scope: { kind: 'building', id: 'b96' },
      basis: 'households',
      rule: 'simpleMajority',
      closesAt: '2026-12-31T10:00:00Z',
    },
    { type: 'motion.open', motionId: 'projects' },
  );
  for (const [voterId, options] of [
    ['u101', ['bench', 'light']],
    ['u102', ['bench']],
    ['u201', ['light', 'bikes']],
    ['u202', ['bench', 'garden']],
    ['u301', ['bikes', 'light']],
    ['u302', ['garden']],
    ['u401', ['bikes']],
  ] as const) {
    await run(gov, { type: 'ballot.cast', motionId: 'projects', voterId, options });
  }
}
