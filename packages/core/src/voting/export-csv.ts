import { BOM, csv, decimal } from '../funds/csv.js';
import { ballotChoiceText } from './choice-text.js';
import type { Ballot, Motion } from './motion.js';
import type { Tally } from './tally.js';

/** One row per ballot: who (room, voter, area), what, and how it reached the count. */
function ballotRows(motion: Motion, ballots: readonly Ballot[], roomOf: (unitId: string) => string) {
  const voters = new Map(motion.electorate.map((v) => [v.id, v]));
  return ballots.map((b) => {
    const voter = voters.get(b.voterId);
    return [
      (voter?.unitIds ?? []).map(roomOf).join('; '),
      b.member ?? b.voterId,
      decimal(voter?.area ?? 0),
      ballotChoiceText(motion, b.choice),
      b.channel,
      b.paper?.reference ?? '',
      b.proxyId ?? '',
      b.castBy,
      b.at,
      b.revision,
    ];
  });
}

/** Per-option totals and turnout; a weight the tally withholds is left blank, never written as 0. */
function totalRows(tally: Tally) {
  const area = (hundredths: number) => (tally.withheld?.includes('area') ? '' : decimal(hundredths));
  return [
    ...tally.options.map((o) => [o.label, o.votes, area(o.area)]),
    ['参与投票 Voted', tally.votedVoters, area(tally.totals.area.participating)],
  ];
}

/**
 * A motion as Excel-friendly CSV (BOM, CRLF, formula-like text guarded). A public motion gives one
 * row per ballot — room, voter, area, answer, channel, paper, proxy, who entered it, when, revision —
 * the roll 公示 requires. A secret motion gives totals only: per option and turnout, as the tally a
 * read model may show (`visibleTally`), so no row can name a voter. Pass the ballots and tally a read
 * model shows (`gov.ballots`, `gov.tally`); `roomOf` names a unit for the reader.
 */
export function motionCsv(
  motion: Motion,
  ballots: readonly Ballot[],
  tally: Tally,
  roomOf: (unitId: string) => string,
): string {
  if (motion.secrecy === 'secret')
    return csv(['选项 Option', '合计 Total', '面积 Area (m²)'], totalRows(tally));
  return `${csv(
    [
      '房号 Room',
      '投票人 Voter',
      '面积 Area (m²)',
      '选择 Choice',
      '方式 Channel',
      '纸质票号 Paper ref',
      '委托 Proxy',
      '录入人 Cast by',
      '时间 Time',
      '版本 Revision',
    ],
    ballotRows(motion, ballots, roomOf),
  )}${selectionCsv(motion)}`;
}

const FAILED_RULE = '未达到表决规则，不立项 The motion failed its rule: nothing is funded';

/**
 * A closed budget's recorded selection, after a blank line: each project's cost in yuan, approvals,
 * whether it is funded, and why. A budget that failed its rule funds nothing, whatever it selected.
 */
function selectionCsv(motion: Motion): string {
  const result = motion.result;
  if (!result?.selection) return '';
  const passed = result.outcome === 'passed';
  const option = new Map(motion.options.map((o) => [o.id, o]));
  const rows = result.selection.outcomes.map((o) => [
    option.get(o.projectId)?.label ?? o.projectId,
    decimal(option.get(o.projectId)?.cost ?? 0),
    o.approvals,
    o.funded && passed ? '是 yes' : '否 no',
    passed ? `${o.reason['zh-CN']} ${o.reason.en}` : FAILED_RULE,
  ]);
  const header = ['项目 Project', '费用 Cost (¥)', '票数 Approvals', '入选 Funded', '理由 Reason'];
  return `\r\n${csv(header, rows).slice(BOM.length)}`;
}
