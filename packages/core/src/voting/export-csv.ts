import { csv, decimal } from '../funds/csv.js';
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
  return csv(
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
  );
}
