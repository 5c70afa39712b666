import type { MessageTemplates } from '../message-table.js';

/** What the first-run page (`/setup`) of a server refuses: a wrong link, a closed setup, a bad id. */
export const setupMessages = {
  'setup.closed': {
    'zh-CN': () => '本服务器已有社区，初始设置已关闭；请由运行服务器的人用命令行添加社区或组织者',
    en: () =>
      'This server already has a community, so setup is closed; whoever runs the server adds communities and organizers from the command line',
  },
  'setup.bad_token': {
    'zh-CN': () => '设置链接无效或已过期：请使用服务器最近一次启动时打印的链接',
    en: () =>
      'The setup link is not valid or has expired: use the link the server printed at its latest start',
  },
  'setup.bad_id': {
    'zh-CN': () => '社区编号只能用小写字母、数字和连字符（-），以字母或数字开头，最多 40 个字符',
    en: () =>
      'A community id may use only lowercase letters, digits and hyphens (-), starting with a letter or digit, at most 40 characters',
  },
  'setup.bad_role': {
    'zh-CN': () => '请选择组织者的职务：楼组长、居委会干部或业委会委员',
    en: () =>
      "Choose the organizer's role: building head, residents' committee member or owners' committee member",
  },
} satisfies Record<string, MessageTemplates>;
