import type { CommunityState } from '../community/state.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { LedgerSummary } from '../funds/ledger.js';
import type { Locale } from '../i18n/locale.js';
import { formatMoney, type Money } from '../numbers/money.js';
import { offsetMinutes } from '../rotation/calendar.js';
import { DEFAULT_TIME_ZONE, type LocalDate, localDateOf } from '../time/local-date.js';
import type { Motion } from '../voting/motion.js';
import type { Tally } from '../voting/tally.js';
import type { NoticeScope } from './announcement.js';

/**
 * A notice drafted for the organizer to review, edit and post as an `announcement.post` command.
 * Nothing is posted by drafting it.
 */
export interface NoticeDraft {
  readonly type: 'announcement.post';
  readonly title: string;
  readonly body: string;
  readonly scope: NoticeScope;
  readonly expiresOn?: LocalDate;
}

/** `2026-12-20 18:00` in `timeZone`: a closing time as a notice board writes it. */
function localDateTime(instant: string, timeZone: string): string {
  const at = Date.parse(instant);
  const local = new Date(at + offsetMinutes(timeZone, at) * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** The one scope a motion's own scope fits: listed units are reminded community-wide. */
function noticeScopeOf(motion: Motion): NoticeScope {
  const { scope } = motion;
  return scope.kind === 'units' ? { kind: 'community' } : scope;
}

/**
 * Drafts a reminder for an open motion: its closing time, how to vote, and the turnout so far. It
 * reads only the public tally (`visibleTally`), and of that only how many voters have voted out of
 * how many may — never who voted or how — so it tells no more than the published view already
 * does, for a secret motion too. It expires on the day voting closes.
 */
export function draftMotionReminder(
  motion: Motion,
  tally: Pick<Tally, 'eligibleVoters' | 'votedVoters'>,
  options: { readonly locale?: Locale; readonly timeZone?: string } = {},
): Result<NoticeDraft, LinliError> {
  if (motion.status !== 'open')
    return err(linliError('announcement.nothing_to_remind', ['motionId'], { reason: 'motion' }));
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const closes = localDateTime(motion.closesAt, timeZone);
  const { votedVoters: voted, eligibleVoters: eligible } = tally;
  const zh = options.locale !== 'en';
  const title = zh ? `投票提醒：${motion.title}` : `Reminder to vote: ${motion.title}`;
  const body = zh
    ? [
        `“${motion.title}”正在投票，${closes} 截止。`,
        `投票方式：用邀请码登录本小区页面后投票；也可以把纸质选票交给组织者。`,
        `目前已有 ${voted} / ${eligible} 位投票人投票。${motion.secrecy === 'secret' ? '本次为无记名投票，谁投了什么不会公开。' : ''}`,
        '尚未投票的，请在截止前投票。',
      ].join('\n')
    : [
        `"${motion.title}" is open for voting until ${closes}.`,
        'How to vote: sign in to the community page with your invite code, or hand a paper ballot to the organizers.',
        `So far ${voted} of ${eligible} voters have voted.${motion.secrecy === 'secret' ? ' This is a secret ballot: nobody sees how anyone voted.' : ''}`,
        'If you have not voted yet, please vote before it closes.',
      ].join('\n');
  return ok({
    type: 'announcement.post',
    title,
    body,
    scope: noticeScopeOf(motion),
    expiresOn: localDateOf(new Date(motion.closesAt), timeZone),
  });
}

/** The building every unit in arrears belongs to, when they share one; else the whole community. */
function arrearsScope(community: CommunityState, unitIds: readonly string[]): NoticeScope {
  const buildings = new Set(
    unitIds.map((id) => {
      const unit = community.units.get(id);
      return unit ? community.stairwells.get(unit.stairwellId)?.buildingId : undefined;
    }),
  );
  const [only] = buildings;
  return buildings.size === 1 && only !== undefined ? { kind: 'building', id: only } : { kind: 'community' };
}

/**
 * Drafts a reminder of a fund's unpaid charges, aggregated: how many households owe, the total owed
 * and how long it has been owed (ageing). It names no room and no household — a lobby sheet is read
 * by neighbours and visitors, and each household sees its own account in the fund's table — so it
 * shames nobody and tells no one's debt to the stairwell.
 */
export function draftArrearsReminder(
  community: CommunityState,
  fund: { readonly name: string },
  summary: LedgerSummary,
  options: { readonly locale?: Locale } = {},
): Result<NoticeDraft, LinliError> {
  const owing = summary.units.filter((u) => u.arrears > 0).map((u) => u.unitId);
  if (owing.length === 0)
    return err(linliError('announcement.nothing_to_remind', ['fundId'], { reason: 'fund' }));
  const locale = options.locale ?? 'zh-CN';
  const money = (fen: number) => formatMoney(fen as Money, locale);
  const { ageing } = summary;
  const overdue = ageing.days1to30 + ageing.days31to60 + ageing.days61to90 + ageing.over90;
  const zh = locale !== 'en';
  const title = zh ? `缴费提醒：${fund.name}` : `Reminder to pay: ${fund.name}`;
  const body = zh
    ? [
        `“${fund.name}”目前有 ${owing.length} 户尚未缴清，合计 ${money(summary.arrears)}。`,
        `其中逾期 ${money(overdue)}（逾期 90 天以上 ${money(ageing.over90)}），未到期 ${money(ageing.current)}。`,
        '各户应缴金额见本资金的公示表；如已缴费，请忽略本提醒。',
        '缴费方式：交给组织者（现金、微信或银行转账），并索取收据。',
      ].join('\n')
    : [
        `"${fund.name}": ${owing.length} household(s) have not paid in full, ${money(summary.arrears)} in all.`,
        `Of that, ${money(overdue)} is overdue (${money(ageing.over90)} for over 90 days) and ${money(ageing.current)} is not yet due.`,
        "Each household's share is in the fund's published table; if you have paid, please ignore this reminder.",
        'How to pay: to the organizers (cash, WeChat or bank transfer); ask for a receipt.',
      ].join('\n');
  return ok({ type: 'announcement.post', title, body, scope: arrearsScope(community, owing) });
}
