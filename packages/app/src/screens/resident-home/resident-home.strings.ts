import { translator } from '../../shell/strings.js';

/** The household's home's words (`/c/:community/home`). */
export const t = translator({
  title: { 'zh-CN': '我家', en: 'My household' },
  loading: { 'zh-CN': '正在读取您家的信息…', en: 'Loading your household…' },
  failed: { 'zh-CN': '没能读取您家的信息：', en: 'Your household could not be loaded: ' },
  retry: { 'zh-CN': '重试', en: 'Try again' },
  unitLine: { 'zh-CN': '{building} {stairwell} {room}室', en: '{building}, {stairwell}, room {room}' },
  asOf: { 'zh-CN': '截至 {date}', en: 'As of {date}' },

  // The way on: motions and notices.
  goTo: { 'zh-CN': '去处', en: 'Go to' },
  motions: { 'zh-CN': '表决事项', en: 'Motions' },
  motionsToVote: { 'zh-CN': '表决事项（{count} 项待您投票）', en: 'Motions ({count} waiting for your vote)' },
  notices: { 'zh-CN': '公告', en: 'Notices' },
  noticesUnread: { 'zh-CN': '公告（{count} 条未读）', en: 'Notices ({count} unread)' },

  // What needs the household now.
  now: { 'zh-CN': '需要您办的事', en: 'What needs you now' },
  nothingNow: { 'zh-CN': '目前没有需要您办的事。', en: 'Nothing needs you at present.' },
  nowVotes: { 'zh-CN': '{count} 项表决等您投票', en: '{count} motions waiting for your vote' },
  nowVote: { 'zh-CN': '1 项表决等您投票', en: '1 motion waiting for your vote' },
  nowOwed: { 'zh-CN': '{fund}：尚欠 {amount}', en: '{fund}: {amount} still owed' },
  nowOverdue: { 'zh-CN': '（其中 {amount} 已过期限）', en: ' ({amount} of it past due)' },
  nowAsked: {
    'zh-CN': '{duty}：{count} 个换班请求等您答复',
    en: '{duty}: swap requests waiting for your answer: {count}',
  },
  nowNext: { 'zh-CN': '下次{duty}：{date} {time}', en: 'Next {duty}: {date} at {time}' },

  // What I owe.
  owe: { 'zh-CN': '我家应缴的费用', en: 'What we owe' },
  noFunds: {
    'zh-CN': '您家目前没有需要分摊的费用。',
    en: 'Your household has no costs to share at present.',
  },
  share: { 'zh-CN': '应缴', en: 'Our share' },
  paid: { 'zh-CN': '已缴', en: 'Paid' },
  refunded: { 'zh-CN': '已退', en: 'Refunded' },
  stillOwed: { 'zh-CN': '尚欠', en: 'Still owed' },
  credit: { 'zh-CN': '多缴（可抵扣）', en: 'Paid in advance (credit)' },
  settled: { 'zh-CN': '已缴清', en: 'Paid in full' },
  overdue: { 'zh-CN': '其中已过缴费期限：{amount}', en: 'Of which past its due date: {amount}' },
  exempt: {
    'zh-CN': '您家免缴这笔费用。原因：{reason}',
    en: 'Your household is exempt from this cost. Reason: {reason}',
  },
  zeroCoefficient: {
    'zh-CN': '按“{scheme}”，{floor}楼的楼层系数为 0，您家不需分摊这笔费用。',
    en: 'Under “{scheme}”, floor {floor} has a floor coefficient of 0, so your household pays no share of this cost.',
  },
  nothingToPay: {
    'zh-CN': '按“{scheme}”，您家不需分摊这笔费用。',
    en: 'Under “{scheme}”, your household pays no share of this cost.',
  },
  how: { 'zh-CN': '怎么算出来的', en: 'How it was worked out' },
  scheme: { 'zh-CN': '分摊方案：{name}', en: 'Sharing scheme: {name}' },
  basisEqual: { 'zh-CN': '每户平均分摊。', en: 'Shared equally by every household.' },
  basisArea: { 'zh-CN': '按房屋面积分摊。', en: 'Shared by floor area.' },
  basisFloorCoefficients: {
    'zh-CN': '按楼层系数 × 面积分摊。',
    en: 'Shared by floor coefficient × floor area.',
  },
  basisElevator: {
    'zh-CN': '按电梯分摊规则：每层一段，由该层及以上的住户分摊。',
    en: 'By the elevator rule: one part per floor, shared by the households on that floor and above.',
  },
  basisCombined: {
    'zh-CN': '几种方式组合分摊（详见公示）。',
    en: 'Several ways combined (see the public notice).',
  },
  ourFigures: {
    'zh-CN': '您家：{floor}楼，面积 {area} 平方米',
    en: 'Your household: floor {floor}, {area} m²',
  },
  coefficient: { 'zh-CN': '楼层系数：{value}', en: 'Floor coefficient: {value}' },
  subsidyFixed: {
    'zh-CN': '政府补贴 {amount}，先从总费用中扣除，余下的再分摊。',
    en: 'A subsidy of {amount} is taken off the whole cost first; the rest is shared.',
  },
  subsidyPercent: {
    'zh-CN': '政府补贴总费用的 {percent}，先扣除，余下的再分摊。',
    en: 'A subsidy of {percent} of the whole cost is taken off first; the rest is shared.',
  },
  subsidyPercentCap: {
    'zh-CN': '政府补贴总费用的 {percent}（最多 {cap}），先扣除，余下的再分摊。',
    en: 'A subsidy of {percent} of the whole cost (at most {cap}) is taken off first; the rest is shared.',
  },
  fixed: {
    'zh-CN': '您家按固定金额 {amount} 缴纳。原因：{reason}',
    en: 'Your household pays a set {amount}. Reason: {reason}',
  },
  adjustment: {
    'zh-CN': '调整 {amount}。原因：{reason}',
    en: 'Adjusted by {amount}. Reason: {reason}',
  },
  cap: { 'zh-CN': '每户最多缴 {amount}。', en: 'No household pays more than {amount}.' },
  schemeShare: { 'zh-CN': '您家的份额：{amount}', en: 'Your household’s share: {amount}' },
  due: { 'zh-CN': '缴费期限：{date}', en: 'Due by {date}' },
  bills: { 'zh-CN': '每月费用', en: 'Monthly charges' },
  billLine: { 'zh-CN': '{month} {name}：{amount}，{due}前缴', en: '{month} {name}: {amount}, due {due}' },
  splitEqual: {
    'zh-CN': '{name}每月共 {amount}，由各户平均分摊（当月部分时间入住的按天折算）。',
    en: '{name} is {amount} a month in all, shared equally by the households (part months by days lived in).',
  },
  splitArea: {
    'zh-CN': '{name}每月共 {amount}，按各户面积分摊（当月部分时间入住的按天折算）。',
    en: '{name} is {amount} a month in all, shared by floor area (part months by days lived in).',
  },
  payments: { 'zh-CN': '缴费记录', en: 'Payments' },
  noPayments: { 'zh-CN': '还没有缴费记录。', en: 'No payments yet.' },
  payment: { 'zh-CN': '{date} 缴款 {amount}', en: '{date} paid {amount}' },
  refund: { 'zh-CN': '{date} 退款 {amount}', en: '{date} refunded {amount}' },
  receiptNo: { 'zh-CN': '收据号 {no}', en: 'Receipt no. {no}' },
  reversal: { 'zh-CN': '（冲正：{note}）', en: ' (reversal: {note})' },
  reversed: { 'zh-CN': '（已冲正）', en: ' (reversed)' },
  cash: { 'zh-CN': '现金', en: 'cash' },
  bank: { 'zh-CN': '银行转账', en: 'bank transfer' },
  wechat: { 'zh-CN': '微信', en: 'WeChat' },
  alipay: { 'zh-CN': '支付宝', en: 'Alipay' },
  other: { 'zh-CN': '其他方式', en: 'other' },

  // Duty turns.
  turns: { 'zh-CN': '我家的值日', en: 'Our duty turns' },
  noDuties: { 'zh-CN': '您家目前没有值日安排。', en: 'Your household has no duty turns at present.' },
  nextTurns: { 'zh-CN': '接下来轮到您家：', en: 'Your next turns:' },
  noNextTurn: { 'zh-CN': '一年内没有轮到您家。', en: 'No turn for your household within a year.' },
  turnAt: { 'zh-CN': '{date} {time}', en: '{date} at {time}' },
  askedSwap: {
    'zh-CN': '{room}室请您换班：您家 {mine} 的班换成 {theirs}。',
    en: 'Room {room} asks to swap: your turn on {mine} for theirs on {theirs}.',
  },
  accept: { 'zh-CN': '同意换班', en: 'Accept the swap' },
  decline: { 'zh-CN': '不同意', en: 'Decline' },
  proposedSwap: {
    'zh-CN': '您请{room}室换班：您家 {mine} 的班换成 {theirs}。',
    en: 'You asked room {room} to swap: your turn on {mine} for theirs on {theirs}.',
  },
  waitingOther: { 'zh-CN': '等待对方答复。', en: 'Waiting for their answer.' },
  waitingHead: { 'zh-CN': '对方已同意，等待楼组长确认。', en: 'They agreed; waiting for the building head.' },
  withdraw: { 'zh-CN': '撤回换班请求', en: 'Withdraw the request' },
  askSwap: { 'zh-CN': '请邻居换班', en: 'Ask a neighbour to swap' },
  myTurn: { 'zh-CN': '您家的班', en: 'Your turn' },
  theirTurn: { 'zh-CN': '换成邻居的班', en: 'For a neighbour’s turn' },
  theirOption: { 'zh-CN': '{date} · {room}室', en: '{date} · room {room}' },
  sendSwap: { 'zh-CN': '发出换班请求', en: 'Send the request' },
  proposed: { 'zh-CN': '已发出换班请求，等待对方答复。', en: 'Request sent; waiting for their answer.' },
  accepted: { 'zh-CN': '已同意换班。', en: 'Swap accepted.' },
  declined: { 'zh-CN': '已拒绝换班。', en: 'Swap declined.' },
  withdrawn: { 'zh-CN': '已撤回换班请求。', en: 'Request withdrawn.' },
  subscribe: { 'zh-CN': '把“{name}”值日加到手机日历', en: 'Add “{name}” turns to your phone’s calendar' },
  subscribeHint: {
    'zh-CN': '日历会自动更新，只显示您家的班。',
    en: 'The calendar keeps itself up to date and shows only your household’s turns.',
  },

  // Roles.
  roles: { 'zh-CN': '我家的职务', en: 'Our roles' },
  noRoles: {
    'zh-CN': '您家目前没有人担任楼组职务。',
    en: 'Nobody in your household holds a building role at present.',
  },
  roleLine: { 'zh-CN': '{role}（{from} 至 {until}）', en: '{role} ({from} to {until})' },
  buildingRoles: { 'zh-CN': '本楼的一长五大', en: 'Your building’s head and specialists' },

  // Notices.
  unread: { 'zh-CN': '未读', en: 'Unread' },
  noUnread: { 'zh-CN': '没有未读的公告。', en: 'No unread notices.' },
  unreadCount: { 'zh-CN': '{count} 条未读公告：', en: '{count} unread notices:' },
  unreadOne: { 'zh-CN': '1 条未读公告：', en: '1 unread notice:' },
  allNotices: { 'zh-CN': '查看全部公告', en: 'See every notice' },
});
