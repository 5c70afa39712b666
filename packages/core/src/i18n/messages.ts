import type { Locale } from './locale.js';
import type { MessageParams, MessageTemplates } from './message-table.js';
import { announcementMessages } from './messages/announcements.js';
import { attachmentMessages } from './messages/attachments.js';
import { ballotTrustMessages } from './messages/ballots.js';
import { motionMessages } from './messages/motions.js';
import { numberMessages } from './messages/numbers.js';
import { participatoryMessages } from './messages/participatory.js';
import { registerMessages } from './messages/register.js';
import { setupMessages } from './messages/setup.js';
import { signInMessages } from './messages/sign-in.js';

export type { MessageParams } from './message-table.js';

const swapStatuses: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  proposed: { 'zh-CN': '待对方同意', en: 'waiting for the other household' },
  agreed: { 'zh-CN': '双方已同意', en: 'agreed by both households' },
  approved: { 'zh-CN': '已批准', en: 'approved' },
  declined: { 'zh-CN': '已拒绝', en: 'declined' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
};

/** A swap's status in words (the code's word when unknown). */
const swapStatus = (status: unknown, locale: Locale): string =>
  swapStatuses[String(status)]?.[locale] ?? String(status);

const nouns: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  building: { 'zh-CN': '楼', en: 'building' },
  stairwell: { 'zh-CN': '单元', en: 'stairwell' },
  unit: { 'zh-CN': '房屋', en: 'unit' },
  owner: { 'zh-CN': '业主', en: 'owner' },
  resident: { 'zh-CN': '居民', en: 'resident' },
  motion: { 'zh-CN': '议题', en: 'motion' },
  fund: { 'zh-CN': '资金', en: 'fund' },
  scheme: { 'zh-CN': '分摊方案', en: 'scheme' },
  charge: { 'zh-CN': '定期费用', en: 'recurring charge' },
  entry: { 'zh-CN': '账目', en: 'entry' },
  duty: { 'zh-CN': '值日', en: 'duty' },
  swap: { 'zh-CN': '换班', en: 'swap' },
  role: { 'zh-CN': '职务', en: 'role' },
  term: { 'zh-CN': '任期', en: 'term' },
  amendment: { 'zh-CN': '修正案', en: 'amendment' },
  proxy: { 'zh-CN': '委托', en: 'proxy' },
  announcement: { 'zh-CN': '公告', en: 'notice' },
};

/** Picks the wording for a size limit by what was measured: a string's length, an array's count, or a number. */
function byOrigin(p: MessageParams, forString: string, forArray: string, forNumber: string): string {
  return p.origin === 'string' ? forString : p.origin === 'array' ? forArray : forNumber;
}

/** The localized noun for an entity kind used in messages; unknown kinds print as given. */
function noun(kind: string | number | undefined, locale: Locale): string {
  const key = String(kind);
  return nouns[key]?.[locale] ?? key;
}

/**
 * Every error code Linli can report, with its message in each locale. Codes are stable API: a client
 * may branch on them, so rename never, add freely.
 */
export const errorMessages = {
  ...numberMessages,
  ...registerMessages,
  ...ballotTrustMessages,
  ...setupMessages,
  ...participatoryMessages,
  ...motionMessages,
  ...attachmentMessages,
  ...announcementMessages,
  ...signInMessages,
  'allocate.bad_weight': {
    'zh-CN': (p) => `第 ${p.index} 个权重无效：权重须为非负整数`,
    en: (p) => `Weight ${p.index} is invalid: weights must be non-negative integers`,
  },
  'allocate.zero_weights': {
    'zh-CN': () => '所有权重都为 0，无法分摊',
    en: () => 'Every weight is 0: there is nothing to split by',
  },
  'scheme.unknown_unit': {
    'zh-CN': (p) => `方案中的房屋“${p.unitId}”不在分摊范围内`,
    en: (p) => `Unit "${p.unitId}" is not among the units being charged`,
  },
  'scheme.bad_parts': {
    'zh-CN': (p) => `组合方案各部分比例之和须为 100%（现为 ${Number(p.points) / 100}%）`,
    en: (p) =>
      `The parts of a combined scheme must add up to 100% (they add up to ${Number(p.points) / 100}%)`,
  },
  'scheme.fixed_exceeds': {
    'zh-CN': () => '固定金额之和超过了应分摊的总额',
    en: () => 'The fixed amounts add up to more than the amount to be shared',
  },
  'scheme.caps_too_low': {
    'zh-CN': () => '封顶金额过低：所有房屋都已封顶，剩余金额无人承担',
    en: () => 'The caps are too low: every unit is capped and the rest cannot be shared',
  },
  'scheme.no_units': {
    'zh-CN': () => '分摊范围内没有房屋',
    en: () => 'There are no units in the scheme’s scope',
  },
  'fund.unknown_unit': {
    'zh-CN': (p) => `房屋“${p.unitId}”在该资金中没有应缴款项`,
    en: (p) => `Unit "${p.unitId}" has nothing to pay into this fund`,
  },
  'fund.overpayment': {
    'zh-CN': (p) =>
      `付款 ${Number(p.amount) / 100} 元超过应缴余额 ${Number(p.owed) / 100} 元；如确需预存，请注明“作为预存”`,
    en: (p) =>
      `A payment of ¥${(Number(p.amount) / 100).toFixed(2)} exceeds the ¥${(Number(p.owed) / 100).toFixed(2)} owed; record it explicitly as credit if intended`,
  },
  'fund.refund_exceeds': {
    'zh-CN': () => '退款不能超过已付金额',
    en: () => 'A refund cannot exceed what was paid',
  },
  'fund.costs_exceed_income': {
    'zh-CN': () => '相关成本不能超过收入',
    en: () => 'Related costs cannot exceed the income',
  },
  'fund.insufficient': {
    'zh-CN': () => '资金余额不足',
    en: () => 'The fund’s balance is too low',
  },
  'fund.reverse_reversal': {
    'zh-CN': () => '冲正记录本身不能再冲正，请重新记账',
    en: () => 'A reversal cannot itself be reversed; record the entry again instead',
  },
  'fund.receipt_taken': {
    'zh-CN': (p) => `收据号“${p.receiptNo}”在该资金中已经用过，请换一个（或留空由系统编号）`,
    en: (p) =>
      `Receipt number "${p.receiptNo}" is already used in this fund; use another (or leave it empty to number it)`,
  },
  'fund.already_reversed': {
    'zh-CN': () => '该账目已经冲正过',
    en: () => 'This entry has already been reversed',
  },
  'scheduler.not_due_work': {
    'zh-CN': (p) => `自动任务只能结束已到截止时间的表决、开出已到缴费日的月份账单，不能执行 ${p.type}`,
    en: (p) =>
      `The scheduler only closes motions past their deadline and bills months whose due day has come, not ${p.type}`,
  },
  'charge.ends_before_start': {
    'zh-CN': () => '结束月份早于开始月份',
    en: () => 'The charge ends before it starts',
  },
  'charge.ends_before_billed': {
    'zh-CN': (p) => `${p.billed} 已开出账单，收费不能在 ${p.end} 结束；请先冲销该月账单`,
    en: (p) => `${p.billed} is already billed, so the charge cannot end in ${p.end}; reverse that bill first`,
  },
  'charge.outside_term': {
    'zh-CN': (p) => `${p.month} 不在收费期（${p.start} 至 ${p.end}）内`,
    en: (p) => `${p.month} is outside the charge's term (${p.start} to ${p.end})`,
  },
  'charge.already_billed': {
    'zh-CN': (p) => `${p.month} 已经计费`,
    en: (p) => `${p.month} has already been billed`,
  },
  'charge.no_households': {
    'zh-CN': (p) => `${p.month} 范围内没有住户`,
    en: (p) => `Nobody lived in the charge's scope in ${p.month}`,
  },
  'rotation.bad_rrule': {
    'zh-CN': (p) =>
      `重复规则“${p.value}”不在支持范围内（${p.reason}）：支持 FREQ=DAILY/WEEKLY/MONTHLY、INTERVAL、BYDAY、BYMONTHDAY、COUNT、UNTIL`,
    en: (p) =>
      `Recurrence "${p.value}" is outside the supported subset (${p.reason}): FREQ=DAILY/WEEKLY/MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL`,
  },
  'rotation.bad_time_zone': {
    'zh-CN': (p) => `未知时区“${p.zone}”`,
    en: (p) => `Unknown time zone "${p.zone}"`,
  },
  'rotation.no_members': {
    'zh-CN': () => '范围内没有可轮值的住户',
    en: () => 'There are no households in the scope to take turns',
  },
  'rotation.unknown_member': {
    'zh-CN': (p) => `“${p.memberId}”不是该值日的成员`,
    en: (p) => `"${p.memberId}" is not a member of this duty`,
  },
  'rotation.past_edit': {
    'zh-CN': (p) => `不能改动 ${p.today} 之前的安排（${p.date}）`,
    en: (p) => `Changes cannot reach back before today (${p.today}); ${p.date} is in the past`,
  },
  'rotation.ends_before_start': {
    'zh-CN': () => '结束日期早于开始日期',
    en: () => 'The end date is before the start date',
  },
  'rotation.swap_with_self': {
    'zh-CN': () => '不能和自己换班或替自己代班',
    en: () => 'A member cannot swap with or cover for themselves',
  },
  'rotation.not_a_slot': {
    'zh-CN': (p) => `${p.date} 没有“${p.duty}”的值日`,
    en: (p) => `There is no "${p.duty}" slot on ${p.date}`,
  },
  'rotation.not_their_turn': {
    'zh-CN': (p) => `${p.date} 不是“${p.memberId}”值日`,
    en: (p) => `${p.date} is not "${p.memberId}"'s turn`,
  },
  'rotation.swap_state': {
    'zh-CN': (p) => `该换班当前状态为“${swapStatus(p.status, 'zh-CN')}”，不能进行此操作`,
    en: (p) => `The swap is "${swapStatus(p.status, 'en')}"; this step does not apply`,
  },
  'role.no_vacancy': {
    'zh-CN': (p) => `“${p.role}”的 ${p.seats} 个席位已满`,
    en: (p) => `All ${p.seats} seat(s) of this role are taken`,
  },
  'role.already_holds': {
    'zh-CN': (p) => `${p.holder} 已担任该职务`,
    en: (p) => `${p.holder} already holds this role`,
  },
  'role.term_limit': {
    'zh-CN': (p) => `${p.holder} 已连续任职 ${p.limit} 届，达到连任上限`,
    en: (p) => `${p.holder} has served ${p.limit} consecutive term(s), the limit`,
  },
  'role.motion_not_decided': {
    'zh-CN': (p) => `该选举尚无有效结果（${p.outcome}）`,
    en: (p) => `The election has no valid result yet (${p.outcome})`,
  },
  'role.motion_for_other_role': {
    'zh-CN': (p) => `这次选举选的是另一个职务（${p.role}），不能用来任命这个职务`,
    en: (p) => `This election chose another role (${p.role}); it cannot fill this one`,
  },
  'role.term_not_active': {
    'zh-CN': (p) => `该任期在 ${p.date} 不在任`,
    en: (p) => `The term is not in force on ${p.date}`,
  },
  'view.read_only': {
    'zh-CN': () => '这是只读的公示页面，不能在此提交',
    en: () => 'This is a read-only published view; nothing can be submitted here',
  },
  'auth.required': {
    'zh-CN': () => '请先登录（使用邀请码或组织者令牌）',
    en: () => 'Sign in first (with an invite code or an organizer token)',
  },
  'auth.forbidden': {
    'zh-CN': () => '您无权执行此操作',
    en: () => 'You are not allowed to do this',
  },
  'http.bad_json': {
    'zh-CN': () => '请求内容不是有效的 JSON',
    en: () => 'The request body is not valid JSON',
  },
  'http.too_large': {
    'zh-CN': () => '请求内容过大',
    en: () => 'The request body is too large',
  },
  'http.origin': {
    'zh-CN': () => '该网站未被允许嵌入本社区',
    en: () => 'This website is not allowed to embed this community',
  },
  'http.unreachable': {
    'zh-CN': () => '暂时连不上服务器，已保留您的操作，请稍后再试',
    en: () => 'The server cannot be reached right now; please try again shortly',
  },
  'http.queued': {
    'zh-CN': () => '已保存，联网后自动提交',
    en: () => 'Saved. It will be sent by itself when you are back online',
  },
  'http.host': {
    'zh-CN': () => '本服务器不以这个地址提供服务',
    en: () => 'This server does not answer to this host name',
  },
  'http.not_found': {
    'zh-CN': () => '找不到该社区',
    en: () => 'No such community',
  },
  'http.no_route': {
    'zh-CN': () => '没有这个地址或操作',
    en: () => 'There is no such address or action here',
  },
  'server.unavailable': {
    'zh-CN': (p) => `服务器暂时无法完成请求，请稍后再试（事件编号 ${p.reason}）`,
    en: (p) => `The server cannot complete this right now; please try again later (incident ${p.reason})`,
  },
  'server.not_ready': {
    'zh-CN': () => '服务器尚未就绪：无法读取社区记录',
    en: () => 'The server is not ready: a community log cannot be read',
  },
  'validation.invalid_type': {
    'zh-CN': (p) => `类型不对：应为 ${p.expected}`,
    en: (p) => `Wrong type: expected ${p.expected}`,
  },
  'validation.too_small': {
    'zh-CN': (p) =>
      byOrigin(p, `至少需要 ${p.minimum} 个字符`, `至少需要 ${p.minimum} 项`, `不能小于 ${p.minimum}`),
    en: (p) =>
      byOrigin(
        p,
        `Must have at least ${p.minimum} characters`,
        `Must have at least ${p.minimum} items`,
        `Must be at least ${p.minimum}`,
      ),
  },
  'validation.too_big': {
    'zh-CN': (p) => byOrigin(p, `最多 ${p.maximum} 个字符`, `最多 ${p.maximum} 项`, `不能大于 ${p.maximum}`),
    en: (p) =>
      byOrigin(
        p,
        `Must have at most ${p.maximum} characters`,
        `Must have at most ${p.maximum} items`,
        `Must be at most ${p.maximum}`,
      ),
  },
  'validation.invalid_format': {
    'zh-CN': (p) => `格式不对：应为 ${p.format}`,
    en: (p) => `Wrong format: expected ${p.format}`,
  },
  'validation.invalid_value': {
    'zh-CN': (p) => `取值无效，可选：${p.values}`,
    en: (p) => `Invalid value; allowed: ${p.values}`,
  },
  'validation.unrecognized_keys': {
    'zh-CN': (p) => `不认识的字段：${p.keys}`,
    en: (p) => `Unknown field(s): ${p.keys}`,
  },
  'validation.not_integer': {
    'zh-CN': () => '必须是整数',
    en: () => 'Must be an integer',
  },
  'validation.invalid': {
    'zh-CN': () => '输入无效',
    en: () => 'Invalid input',
  },
  'text.control_character': {
    'zh-CN': (p) => `第 ${p.position} 个字符是不可见的控制字符，请删除`,
    en: (p) => `Character ${p.position} is an invisible control character; remove it`,
  },
  'text.lone_surrogate': {
    'zh-CN': (p) => `第 ${p.position} 个字符已损坏（不成对的 UTF-16 代理项），请重新输入`,
    en: (p) => `Character ${p.position} is broken (a lone UTF-16 surrogate); type it again`,
  },
  'text.blank': {
    'zh-CN': () => '不能为空：只有空白或不可见字符',
    en: () => 'Must not be empty: it holds only spaces or invisible characters',
  },
  'command.unknown_type': {
    'zh-CN': (p) => `未知的操作类型“${p.type}”`,
    en: (p) => `Unknown command type "${p.type}"`,
  },
  'date.invalid': {
    'zh-CN': (p) => `“${p.value}”不是有效日期，应为 YYYY-MM-DD`,
    en: (p) => `"${p.value}" is not a valid date; use YYYY-MM-DD`,
  },
  'date.too_early': {
    'zh-CN': (p) => `日期“${p.value}”早于可接受的最早日期 ${p.earliest}`,
    en: (p) => `The date "${p.value}" is before the earliest accepted date, ${p.earliest}`,
  },
  'date.too_late': {
    'zh-CN': (p) => `日期“${p.value}”晚于可接受的最晚日期 ${p.latest}（今天起 10 年）`,
    en: (p) => `The date "${p.value}" is after the latest accepted date, ${p.latest} (10 years from today)`,
  },
  'community.not_founded': {
    'zh-CN': () => '请先建立小区',
    en: () => 'Found the community first',
  },
  'community.already_founded': {
    'zh-CN': (p) => `小区“${p.name}”已经建立`,
    en: (p) => `The community "${p.name}" has already been founded`,
  },
  'entity.not_found': {
    'zh-CN': (p) => `找不到${noun(p.kind, 'zh-CN')}“${p.id}”`,
    en: (p) => `No ${noun(p.kind, 'en')} "${p.id}"`,
  },
  'entity.duplicate_id': {
    'zh-CN': (p) => `${noun(p.kind, 'zh-CN')}编号“${p.id}”已被使用`,
    en: (p) => `The ${noun(p.kind, 'en')} id "${p.id}" is already taken`,
  },
  'unit.duplicate_room': {
    'zh-CN': (p) => `该单元已有 ${p.room} 室`,
    en: (p) => `This stairwell already has room ${p.room}`,
  },
  'ownership.out_of_order': {
    'zh-CN': (p) => `过户日期 ${p.date} 早于上一次过户（${p.latest}），历史不能改写`,
    en: (p) =>
      `Transfer date ${p.date} is before the previous transfer (${p.latest}); history cannot be rewritten`,
  },
  'ownership.duplicate_owner': {
    'zh-CN': (p) => `业主“${p.id}”重复列出`,
    en: (p) => `Owner "${p.id}" is listed twice`,
  },
  'resident.already_moved_out': {
    'zh-CN': (p) => `该居民已于 ${p.date} 迁出`,
    en: (p) => `This resident already moved out on ${p.date}`,
  },
  'resident.move_out_before_move_in': {
    'zh-CN': (p) => `迁出日期 ${p.date} 早于迁入日期 ${p.movedIn}`,
    en: (p) => `Move-out date ${p.date} is before the move-in date ${p.movedIn}`,
  },
  'resident.born_after_move_in': {
    'zh-CN': (p) => `出生年份 ${p.birthYear} 晚于迁入日期 ${p.movedIn}`,
    en: (p) => `Birth year ${p.birthYear} is after the move-in date ${p.movedIn}`,
  },
  'edit.no_change': {
    'zh-CN': (p) => `${noun(p.kind, 'zh-CN')}“${p.id}”的信息没有变化，无需保存`,
    en: (p) => `Nothing to save: the ${noun(p.kind, 'en')} "${p.id}" already reads so`,
  },
  'log.conflict': {
    'zh-CN': (p) => `记录已被他人更新（期望第 ${p.expectedSeq} 条，实际第 ${p.actualSeq} 条），请刷新后重试`,
    en: (p) =>
      `The log was updated by someone else (expected seq ${p.expectedSeq}, found ${p.actualSeq}); reload and retry`,
  },
  'log.unavailable': {
    'zh-CN': (p) => `无法读写记录：${p.reason}`,
    en: (p) => `The log could not be read or written: ${p.reason}`,
  },
  'log.corrupt': {
    'zh-CN': (p) => `记录在第 ${p.seq} 条校验失败（${p.reason}），可能被篡改`,
    en: (p) => `The log fails verification at seq ${p.seq} (${p.reason}); it may have been tampered with`,
  },
  'log.schema_too_new': {
    'zh-CN': (p) =>
      `${p.database} 的结构版本为 ${p.found}，比本程序支持的版本 ${p.supported} 新：请先升级 Linli，切勿用旧版本打开它`,
    en: (p) =>
      `${p.database} has schema version ${p.found}, newer than the ${p.supported} this Linli supports: upgrade Linli first; never open it with an older version`,
  },
  'vote.bad_threshold': {
    'zh-CN': () => '门槛的分子不能大于分母',
    en: () => 'A threshold cannot exceed 1 (numerator above denominator)',
  },
  'motion.unknown_rule': {
    'zh-CN': (p) => `没有名为“${p.rule}”的表决规则`,
    en: (p) => `There is no decision rule called "${p.rule}"`,
  },
  'motion.not_draft': {
    'zh-CN': () => '议题已开始表决，选项和规则不能再改',
    en: () => 'The motion is no longer a draft; its options and rules are frozen',
  },
  'motion.amendments_closed': {
    'zh-CN': () => '这个议题只由组织者提出修正案；住户的意见请交给组织者',
    en: () =>
      'Only the organizers propose amendments to this motion; residents can give their ideas to an organizer',
  },
  'motion.amendment_decided': {
    'zh-CN': (p) => `这份修正案已经${p.status === 'accepted' ? '采纳' : '驳回'}，不能再改决定`,
    en: (p) => `This amendment was already ${p.status}; the decision stands`,
  },
  'motion.amendments_pending': {
    'zh-CN': (p) => `还有 ${p.count} 份修正案没有处理：请先逐一采纳或驳回，再开始投票`,
    en: (p) => `${p.count} amendment(s) still wait for a decision: accept or reject each before voting opens`,
  },
  'motion.not_open': {
    'zh-CN': (p) =>
      p.status === 'closed' ? '表决已结束' : p.status === 'cancelled' ? '该议题已取消' : '表决尚未开始',
    en: (p) =>
      p.status === 'closed'
        ? 'Voting has closed'
        : p.status === 'cancelled'
          ? 'The motion was cancelled'
          : 'Voting has not opened yet',
  },
  'motion.not_yet_openable': {
    'zh-CN': (p) => `要到 ${p.opensAt} 才能开始表决`,
    en: (p) => `Voting cannot open before ${p.opensAt}`,
  },
  'motion.past_deadline': {
    'zh-CN': (p) => `表决已于 ${p.closesAt} 截止`,
    en: (p) => `Voting ended at ${p.closesAt}`,
  },
  'motion.not_organizer': {
    'zh-CN': (p) => `截止时间 ${p.closesAt} 之前，只有发起人可以提前结束表决`,
    en: (p) => `Before ${p.closesAt} only the organizer may close the vote early`,
  },
  'motion.options_required': {
    'zh-CN': () => '这类议题至少需要两个选项',
    en: () => 'This kind of motion needs at least two options',
  },
  'motion.options_not_allowed': {
    'zh-CN': () => '是非题不设选项',
    en: () => 'A yes/no proposal has no options',
  },
  'motion.method_required': {
    'zh-CN': () => '排序投票需指定计票方法（irv、schulze、rankedPairs 或 stv）',
    en: () => 'A ranked motion needs a counting method (irv, schulze, rankedPairs or stv)',
  },
  'motion.duplicate_option': {
    'zh-CN': (p) => `选项编号“${p.id}”重复`,
    en: (p) => `Option id "${p.id}" appears twice`,
  },
  'motion.bad_choice_limits': {
    'zh-CN': (p) => `可选数量范围无效（最少 ${p.min}，最多 ${p.max}，共 ${p.options} 个选项）`,
    en: (p) => `Invalid choice limits (min ${p.min}, max ${p.max}, ${p.options} options)`,
  },
  'motion.bad_seats': {
    'zh-CN': (p) => `席位数 ${p.seats} 必须少于候选人数 ${p.options}`,
    en: (p) => `Seats (${p.seats}) must be fewer than candidates (${p.options})`,
  },
  'motion.rule_not_applicable': {
    'zh-CN': () =>
      '评分、点数投票和孔多塞类、单记可转移计票没有“同意票”，规则只能包含参与率检查（例如 civilCode278.participation 或 twoThirdsTurnout）',
    en: () =>
      'Score, dot-vote, Condorcet and STV counts have no "in favour" total: the rule may only check participation (e.g. civilCode278.participation or twoThirdsTurnout)',
  },
  'motion.dimension_unavailable': {
    'zh-CN': (p) => `按${p.basis === 'residents' ? '居民' : '户'}表决时不能按“${p.dimension}”计算`,
    en: (p) => `The ${p.dimension} dimension is not available when voting by ${p.basis}`,
  },
  'motion.consent_unit_not_in_scope': {
    'zh-CN': (p) => `必须同意的房屋“${p.unitId}”不在表决范围内`,
    en: (p) => `Unit "${p.unitId}" that must consent is not in the motion's scope`,
  },
  'motion.closes_before_opens': {
    'zh-CN': () => '截止时间必须晚于开始时间',
    en: () => 'The closing time must be after the opening time',
  },
  'motion.empty_electorate': {
    'zh-CN': () => '表决范围内没有有表决权的人',
    en: () => 'Nobody in the scope is eligible to vote',
  },
  'ballot.not_eligible': {
    'zh-CN': (p) => `“${p.voterId}”不在本议题的表决名单中`,
    en: (p) => `"${p.voterId}" is not on this motion's electoral roll`,
  },
  'ballot.already_cast': {
    'zh-CN': () => '已经投过票，本议题不允许改票',
    en: () => 'A ballot was already cast and this motion does not allow changes',
  },
  'ballot.not_withdrawable': {
    'zh-CN': (p) =>
      `不能撤销编号“${p.paperRef}”的纸质选票：这户现在计入的不是这张纸质选票，或它替换过之前的选票`,
    en: (p) =>
      `Paper ballot "${p.paperRef}" cannot be withdrawn: it is not the paper ballot counted for this voter, or it replaced an earlier ballot`,
  },
  'ballot.paper_pending': {
    'zh-CN': () => '这户已有一张纸质选票在等第二位组织者核对：请先确认或退回那一张',
    en: () =>
      'This household already has a paper ballot waiting for a second organizer to check it: confirm or reject that one first',
  },
  'ballot.no_pending_paper': {
    'zh-CN': (p) => `没有编号“${p.paperRef}”、等待核对的纸质选票`,
    en: (p) => `No paper ballot "${p.paperRef}" is waiting for a check`,
  },
  'ballot.self_confirmation': {
    'zh-CN': (p) => `编号“${p.paperRef}”的选票是您自己录入的，需要另一位组织者核对确认`,
    en: (p) => `You entered paper ballot "${p.paperRef}" yourself: a different organizer must confirm it`,
  },
  'ballot.wrong_shape': {
    'zh-CN': (p) => `本议题的选票需填写“${p.expected}”字段（且只填这一项）`,
    en: (p) => `This motion's ballot takes the "${p.expected}" field, and only that`,
  },
  'ballot.unknown_option': {
    'zh-CN': (p) => `没有编号为“${p.id}”的选项`,
    en: (p) => `There is no option "${p.id}"`,
  },
  'ballot.duplicate_option': {
    'zh-CN': (p) => `选项“${p.id}”出现了两次`,
    en: (p) => `Option "${p.id}" appears twice`,
  },
  'ballot.choice_count': {
    'zh-CN': (p) => `需选择 ${p.min} 至 ${p.max} 项，实际选了 ${p.count} 项`,
    en: (p) => `Choose between ${p.min} and ${p.max} options; ${p.count} chosen`,
  },
  'ballot.scores_incomplete': {
    'zh-CN': (p) => `每个选项都要打分，缺少：${p.missing}`,
    en: (p) => `Score every option; missing: ${p.missing}`,
  },
  'ballot.points_incomplete': {
    'zh-CN': (p) => `每个选项都要填点数（可以是 0），缺少：${p.missing}`,
    en: (p) => `Give every option its points (0 is fine); missing: ${p.missing}`,
  },
  'ballot.over_budget': {
    'zh-CN': (p) => `每人最多 ${p.budget} 点，这张选票用了 ${p.spent} 点`,
    en: (p) => `Each voter has ${p.budget} points; this ballot spends ${p.spent}`,
  },
  'ballot.block_not_allowed': {
    'zh-CN': () => '本议题不能投“阻止”票',
    en: () => 'This motion does not accept a block',
  },
  'proxy.cap_reached': {
    'zh-CN': (p) => `${p.holder} 已代理 ${p.cap} 人，达到本议题上限`,
    en: (p) => `${p.holder} already holds ${p.cap} proxies, this motion's limit`,
  },
  'proxy.not_for_voter': {
    'zh-CN': () => '这份委托不是为该投票人出具的',
    en: () => 'This proxy was not given for this voter',
  },
  'proxy.revoked': {
    'zh-CN': () => '这份委托已被撤销',
    en: () => 'This proxy has been revoked',
  },
  'proxy.already_used': {
    'zh-CN': () => '委托人已投票，委托不能再撤销',
    en: () => 'The voter has already voted; the proxy can no longer be revoked',
  },
  'proxy.duplicate': {
    'zh-CN': () => '该投票人在本议题已有有效委托',
    en: () => 'This voter already has an active proxy on this motion',
  },
  'snapshot.unsupported_version': {
    'zh-CN': (p) => `不支持的快照版本 ${p.version}（当前 ${p.current}）`,
    en: (p) => `Unsupported snapshot version ${p.version} (current is ${p.current})`,
  },
  'snapshot.head_mismatch': {
    'zh-CN': (p) => `快照与记录不符：第 ${p.seq} 条的哈希不同`,
    en: (p) => `The snapshot does not match the log: the hash at seq ${p.seq} differs`,
  },
  'snapshot.invalid': {
    'zh-CN': () => '快照内容无效',
    en: () => 'The snapshot is not valid',
  },
} satisfies Record<string, MessageTemplates>;

/** A stable error code. */
export type ErrorCode = keyof typeof errorMessages;

/** Renders the message for `code` in `locale`. */
export function formatMessage(code: ErrorCode, locale: Locale, params: MessageParams = {}): string {
  return errorMessages[code][locale](params);
}

/** Whether `code` is a known error code (used when errors arrive over the wire). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}
