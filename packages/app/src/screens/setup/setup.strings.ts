import { translator } from '../../shell/strings.js';

/** The setup page's words. */
export const t = translator({
  title: { 'zh-CN': '设置第一个社区', en: 'Set up the first community' },
  intro: {
    'zh-CN': '这台服务器还没有社区。填写下面的表格，创建第一个社区和它的第一位组织者。',
    en: 'This server has no community yet. Fill in the form to create the first community and its first organizer.',
  },
  titleClosed: { 'zh-CN': '服务器已设置好', en: 'This server is set up' },
  checking: { 'zh-CN': '正在检查设置链接…', en: 'Checking the setup link…' },
  closed: {
    'zh-CN':
      '这台服务器已经有社区了，无需再设置。组织者请在下面选择社区登录；还没有令牌的，请向运行服务器的人要。',
    en: 'This server already has a community, so there is nothing more to set up. Organizers: choose your community below to sign in; if you have no token yet, ask whoever runs the server.',
  },
  noToken: {
    'zh-CN': '请打开服务器启动时打印的设置链接（以 /setup#token= 开头的完整地址）。',
    en: 'Open the setup link the server printed when it started (the whole address, starting with /setup#token=).',
  },
  communities: { 'zh-CN': '这台服务器上的社区', en: 'Communities on this server' },
  community: { 'zh-CN': '社区', en: 'Community' },
  communityId: { 'zh-CN': '社区编号', en: 'Community id' },
  communityIdHint: {
    'zh-CN': '用于网址，例如 jiangning-1：小写字母、数字和连字符。',
    en: 'Used in web addresses, e.g. jiangning-1: lowercase letters, digits and hyphens.',
  },
  communityName: { 'zh-CN': '社区名称', en: 'Community name' },
  communityNameHint: {
    'zh-CN': '居民熟悉的名字，例如 江宁一村。',
    en: 'The name residents know, e.g. 江宁一村.',
  },
  organizer: { 'zh-CN': '第一位组织者', en: 'First organizer' },
  organizerName: { 'zh-CN': '姓名', en: 'Name' },
  role: { 'zh-CN': '职务', en: 'Role' },
  fillIn: { 'zh-CN': '请填写{field}。', en: 'Please fill in "{field}".' },
  create: { 'zh-CN': '创建社区', en: 'Create the community' },
  creating: { 'zh-CN': '正在创建…', en: 'Creating…' },
  doneTitle: { 'zh-CN': '社区已创建', en: 'The community is ready' },
  done: {
    'zh-CN': '已创建社区“{name}”（{id}），组织者：{organizer}（{role}）。您已登录。',
    en: 'Created community "{name}" ({id}); organizer: {organizer} ({role}). You are signed in.',
  },
  writeDown: { 'zh-CN': '请抄下或打印这个组织者令牌', en: 'Write down or print this organizer token' },
  writeDownWhy: {
    'zh-CN':
      '令牌只显示这一次，服务器只保存它的摘要。以后在任何电脑上登录都要用它；丢失后只能由运行服务器的人重新签发。',
    en: 'It is shown this once; the server keeps only its hash. You need it to sign in on any computer; if it is lost, only whoever runs the server can issue a new one.',
  },
  print: { 'zh-CN': '打印', en: 'Print' },
  keptIt: { 'zh-CN': '我已抄下或打印了令牌', en: 'I have written down or printed the token' },
  onward: { 'zh-CN': '进入组织者首页', en: 'Go to the organizer home' },
});
