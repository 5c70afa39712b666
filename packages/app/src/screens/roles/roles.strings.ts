import { translator } from '../../shell/strings.js';

/** The roles screen's words (`/c/:community/organizer/roles`). */
export const t = translator({
  title: { 'zh-CN': '楼组职务（一长五大）', en: 'Building roles (一长五大)' },
  loading: { 'zh-CN': '正在读取职务…', en: 'Loading the roles…' },
  noBuildings: {
    'zh-CN': '还没有楼栋。请先导入房屋清册。',
    en: 'No buildings yet. Import the housing register first.',
  },
  noRoles: { 'zh-CN': '这栋楼还没有设立职务。', en: 'This building has no roles yet.' },
  defineStandard: { 'zh-CN': '设立一长五大（六个职务）', en: 'Define the six standard roles' },
  termMonths: { 'zh-CN': '任期（月）', en: 'Term (months)' },
  termLimit: { 'zh-CN': '最多连任届数（可不填）', en: 'Most consecutive terms (optional)' },
  customRole: { 'zh-CN': '设立其他职务', en: 'Define another role' },
  nameZh: { 'zh-CN': '中文名称', en: 'Name in Chinese' },
  nameEn: { 'zh-CN': '英文名称', en: 'Name in English' },
  seats: { 'zh-CN': '席位数', en: 'Seats' },
  define: { 'zh-CN': '设立', en: 'Define' },
  holder: { 'zh-CN': '{name}，任期 {from} 至 {until}', en: '{name}, term {from} to {until}' },
  vacant: { 'zh-CN': '空缺 {count} 个席位', en: '{count} seat(s) vacant' },
  appoint: { 'zh-CN': '任命', en: 'Appoint' },
  resident: { 'zh-CN': '居民（按房号）', en: 'Resident (by room)' },
  pickResident: { 'zh-CN': '请选择', en: 'Choose…' },
  reason: { 'zh-CN': '依据（如：居委会推荐，本人同意）', en: 'Reason (e.g. nominated, consents)' },
  contact: {
    'zh-CN': '本人同意公开给本社区已登录住户的联系方式（可不填）',
    en: 'Contact the holder agreed to share with signed-in households (optional)',
  },
  endTerm: { 'zh-CN': '结束任期', en: 'End the term' },
  handOver: { 'zh-CN': '交接给他人', en: 'Hand over' },
  handOverTo: { 'zh-CN': '交接给', en: 'Hand over to' },
  confirmStandard: {
    'zh-CN': '在 {building} 设立一长五大，任期 {months} 个月？',
    en: 'Define the six standard roles in {building}, {months}-month terms?',
  },
  confirmDefine: { 'zh-CN': '在 {building} 设立“{role}”？', en: 'Define “{role}” in {building}?' },
  confirmAppoint: { 'zh-CN': '任命 {name} 为{role}？', en: 'Appoint {name} as {role}?' },
  confirmEnd: {
    'zh-CN': '结束 {name} 的{role}任期？席位将空缺。',
    en: "End {name}'s term as {role}? The seat falls vacant.",
  },
  confirmHandover: { 'zh-CN': '{role}由 {from} 交接给 {to}？', en: 'Hand {role} over from {from} to {to}?' },
  endReason: { 'zh-CN': '组织者结束任期', en: 'Ended by the organizer' },
});
