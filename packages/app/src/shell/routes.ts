import { html, type TemplateResult } from 'lit';
import '../screens/communities/communities-screen.js';
import '../screens/not-found/not-found-screen.js';
import '../screens/sign-in/sign-in-screen.js';
import { type LazyModule, lazyModule } from './lazy.js';
import type { Localized } from './localized.js';
import { residentModule } from './resident-module.js';
import { pathOf } from './route-match.js';
import type { ScreenContext } from './screen.js';

/**
 * Who may see a screen: `anyone`; only an `organizer` of the route's `:community`; only a signed-in
 * `household` of it. The shell shows the sign-in form in place of a screen whose audience the reader
 * is not signed in as, and the screen once they are. (The server still checks every request.)
 */
export type Audience = 'anyone' | 'organizer' | 'household';

/** One screen of the shell. */
export interface Route {
  /** Its path pattern: literal segments and `:name` params (`/c/:community/organizer`). */
  readonly path: string;
  readonly audience: Audience;
  /** Its title, for the document title and the announcement of the route change. */
  readonly title: Localized;
  /** Draws it: the screen element with the shell's context. */
  readonly render: (screen: ScreenContext) => TemplateResult;
  /**
   * The module that defines its element, when it is loaded on demand: the shell shows "loading…"
   * until it has arrived, then draws `render`. Absent: the element is in the first load.
   */
  readonly module?: LazyModule;
}

/**
 * The organizer's console, its home, `/setup` and the register import included: `dist/organizer.js`
 * (its own build, from `src/organizer.ts`), fetched beside this module the first time an organizer
 * screen is drawn, so the first load of every page — the residents' — stays small. Its URL is
 * computed, so this build leaves it out.
 */
export const organizerModule: LazyModule = lazyModule(
  () => import(/* @vite-ignore */ new URL('./organizer.js', import.meta.url).href),
);

/**
 * The public result page the printed notice's QR code opens: `dist/result.js` (its own build, from
 * `src/result.ts`), a fraction of the organizer's console, for a resident's phone.
 */
export const resultModule: LazyModule = lazyModule(
  () => import(/* @vite-ignore */ new URL('./result.js', import.meta.url).href),
);

export { residentModule } from './resident-module.js';

/**
 * A household's devices screen: `dist/devices.js` (its own build, from `src/devices.ts`), with the QR
 * code library, fetched only when a resident opens "my devices".
 */
export const devicesModule: LazyModule = lazyModule(
  () => import(/* @vite-ignore */ new URL('./devices.js', import.meta.url).href),
);

/**
 * Every screen of the shell, in matching order: the first route whose path matches the URL is drawn.
 * To add a screen, add its element under `src/screens/<name>/` and one entry here; if its path is
 * not under one the server already serves the shell at, add it to `shellPaths()` in
 * `packages/server/src/shell/shell-pages.ts`. Organizer screens under `/c/:community/organizer/`
 * appear on the organizer's home by themselves.
 */
export const routes: readonly Route[] = [
  {
    path: '/',
    audience: 'anyone',
    title: { 'zh-CN': '本服务器上的社区', en: 'Communities on this server' },
    render: (screen) => html`<linli-communities-screen .context=${screen}></linli-communities-screen>`,
  },
  {
    // A community's own address: the way in, for households and organizers alike.
    path: '/c/:community',
    audience: 'anyone',
    title: { 'zh-CN': '登录', en: 'Sign in' },
    render: (screen) => html`<linli-sign-in-screen .context=${screen}></linli-sign-in-screen>`,
  },
  {
    path: '/setup',
    audience: 'anyone',
    title: { 'zh-CN': '设置第一个社区', en: 'Set up the first community' },
    module: organizerModule,
    render: (screen) => html`<linli-setup-screen .context=${screen}></linli-setup-screen>`,
  },
  {
    path: '/c/:community/sign-in',
    audience: 'anyone',
    title: { 'zh-CN': '登录', en: 'Sign in' },
    render: (screen) => html`<linli-sign-in-screen .context=${screen}></linli-sign-in-screen>`,
  },
  {
    path: '/c/:community/organizer',
    audience: 'organizer',
    title: { 'zh-CN': '组织者首页', en: 'Organizer home' },
    module: organizerModule,
    render: (screen) =>
      html`<linli-organizer-home-screen
        .context=${screen}
        .links=${organizerScreens(screen.params.community ?? '')}
      ></linli-organizer-home-screen>`,
  },
  {
    path: '/c/:community/organizer/register',
    audience: 'organizer',
    title: { 'zh-CN': '房屋清册', en: 'Housing register' },
    module: organizerModule,
    render: (screen) =>
      html`<linli-register-import
        .community=${screen.params.community ?? ''}
        .api=${screen.api}
      ></linli-register-import>`,
  },
  {
    path: '/c/:community/organizer/motions',
    audience: 'organizer',
    title: { 'zh-CN': '表决事项', en: 'Motions' },
    module: organizerModule,
    render: (screen) => html`<linli-motions-screen .context=${screen}></linli-motions-screen>`,
  },
  {
    // Before `/motions/:motion`, so "new" is never taken for a motion's id.
    path: '/c/:community/organizer/motions/new',
    audience: 'organizer',
    title: { 'zh-CN': '发起表决', en: 'New motion' },
    module: organizerModule,
    render: (screen) => html`<linli-motion-wizard .context=${screen}></linli-motion-wizard>`,
  },
  {
    path: '/c/:community/organizer/motions/:motion',
    audience: 'organizer',
    title: { 'zh-CN': '议题', en: 'Motion' },
    module: organizerModule,
    render: (screen) => html`<linli-motion-screen .context=${screen}></linli-motion-screen>`,
  },
  {
    path: '/c/:community/organizer/motions/:motion/paper',
    audience: 'organizer',
    title: { 'zh-CN': '录入纸质选票', en: 'Enter paper ballots' },
    module: organizerModule,
    render: (screen) => html`<linli-paper-screen .context=${screen}></linli-paper-screen>`,
  },
  {
    path: '/c/:community/organizer/projects',
    audience: 'organizer',
    title: { 'zh-CN': '立项的项目', en: 'Funded projects' },
    module: organizerModule,
    render: (screen) => html`<linli-projects-screen .context=${screen}></linli-projects-screen>`,
  },
  {
    path: '/c/:community/organizer/motions/:motion/notice',
    audience: 'organizer',
    title: { 'zh-CN': '表决结果公示', en: 'Result notice' },
    module: organizerModule,
    render: (screen) => html`<linli-notice-screen .context=${screen}></linli-notice-screen>`,
  },
  {
    path: '/c/:community/organizer/motions/:motion/ballots',
    audience: 'organizer',
    title: { 'zh-CN': '打印书面表决票', en: 'Print paper ballots' },
    module: organizerModule,
    render: (screen) => html`<linli-ballots-screen .context=${screen}></linli-ballots-screen>`,
  },
  {
    // What the printed notice's QR code opens: the published view is open to all, so is this.
    path: '/c/:community/motions/:motion/result',
    audience: 'anyone',
    title: { 'zh-CN': '表决结果', en: 'Result' },
    module: resultModule,
    render: (screen) => html`<linli-result-screen .context=${screen}></linli-result-screen>`,
  },
  {
    path: '/c/:community/organizer/roles',
    audience: 'organizer',
    title: { 'zh-CN': '楼组职务', en: 'Building roles' },
    module: organizerModule,
    render: (screen) => html`<linli-roles-screen .context=${screen}></linli-roles-screen>`,
  },
  {
    path: '/c/:community/organizer/funds',
    audience: 'organizer',
    title: { 'zh-CN': '资金', en: 'Funds' },
    module: organizerModule,
    render: (screen) => html`<linli-funds-screen .context=${screen}></linli-funds-screen>`,
  },
  {
    path: '/c/:community/organizer/funds/:fund',
    audience: 'organizer',
    title: { 'zh-CN': '资金账目', en: 'Fund' },
    module: organizerModule,
    render: (screen) => html`<linli-fund-screen .context=${screen}></linli-fund-screen>`,
  },
  {
    path: '/c/:community/organizer/funds/:fund/receipts/:entry',
    audience: 'organizer',
    title: { 'zh-CN': '收据', en: 'Receipt' },
    module: organizerModule,
    render: (screen) => html`<linli-receipt-screen .context=${screen}></linli-receipt-screen>`,
  },
  {
    path: '/c/:community/organizer/funds/:fund/statements/:unit',
    audience: 'organizer',
    title: { 'zh-CN': '住户对账单', en: 'Household statement' },
    module: organizerModule,
    render: (screen) => html`<linli-statement-screen .context=${screen}></linli-statement-screen>`,
  },
  {
    path: '/c/:community/organizer/funds/:fund/books',
    audience: 'organizer',
    title: { 'zh-CN': '收支账目', en: 'Income and expenses' },
    module: organizerModule,
    render: (screen) => html`<linli-fund-books-screen .context=${screen}></linli-fund-books-screen>`,
  },
  {
    path: '/c/:community/organizer/funds/:fund/arrears',
    audience: 'organizer',
    title: { 'zh-CN': '欠缴情况', en: 'Arrears' },
    module: organizerModule,
    render: (screen) => html`<linli-fund-arrears-screen .context=${screen}></linli-fund-arrears-screen>`,
  },
  {
    path: '/c/:community/organizer/funds/:fund/arrears/:unit/reminder',
    audience: 'organizer',
    title: { 'zh-CN': '缴费提醒', en: 'Payment reminder' },
    module: organizerModule,
    render: (screen) => html`<linli-fund-reminder-screen .context=${screen}></linli-fund-reminder-screen>`,
  },
  {
    path: '/c/:community/organizer/funds/:fund/notice',
    audience: 'organizer',
    title: { 'zh-CN': '资金公示', en: 'Fund notice' },
    module: organizerModule,
    render: (screen) => html`<linli-fund-notice-screen .context=${screen}></linli-fund-notice-screen>`,
  },
  {
    path: '/c/:community/organizer/duties',
    audience: 'organizer',
    title: { 'zh-CN': '值日轮值', en: 'Duty rotas' },
    module: organizerModule,
    render: (screen) => html`<linli-duties-screen .context=${screen}></linli-duties-screen>`,
  },
  {
    path: '/c/:community/organizer/duties/:duty',
    audience: 'organizer',
    title: { 'zh-CN': '值日安排', en: 'Duty rota' },
    module: organizerModule,
    render: (screen) => html`<linli-duty-screen .context=${screen}></linli-duty-screen>`,
  },
  {
    path: '/c/:community/organizer/duties/:duty/months/:month',
    audience: 'organizer',
    title: { 'zh-CN': '打印月度值日表', en: 'Print the monthly rota' },
    module: organizerModule,
    render: (screen) => html`<linli-duty-month-screen .context=${screen}></linli-duty-month-screen>`,
  },
  {
    path: '/c/:community/organizer/households',
    audience: 'organizer',
    title: { 'zh-CN': '住户管理', en: 'Households' },
    module: organizerModule,
    render: (screen) => html`<linli-households-screen .context=${screen}></linli-households-screen>`,
  },
  {
    path: '/c/:community/organizer/households/:unit',
    audience: 'organizer',
    title: { 'zh-CN': '住户记录', en: 'Household record' },
    module: organizerModule,
    render: (screen) =>
      html`<linli-household-record-screen .context=${screen}></linli-household-record-screen>`,
  },
  {
    path: '/c/:community/organizer/charges',
    audience: 'organizer',
    title: { 'zh-CN': '每月固定费用', en: 'Recurring charges' },
    module: organizerModule,
    render: (screen) => html`<linli-charges-screen .context=${screen}></linli-charges-screen>`,
  },
  {
    path: '/c/:community/organizer/announcements',
    audience: 'organizer',
    title: { 'zh-CN': '公告', en: 'Notices' },
    module: organizerModule,
    render: (screen) => html`<linli-announcements-screen .context=${screen}></linli-announcements-screen>`,
  },
  {
    path: '/c/:community/organizer/announcements/:announcement/print',
    audience: 'organizer',
    title: { 'zh-CN': '打印公告', en: 'Print a notice' },
    module: organizerModule,
    render: (screen) => html`<linli-notice-sheet-screen .context=${screen}></linli-notice-sheet-screen>`,
  },
  {
    path: '/c/:community/motions',
    audience: 'household',
    title: { 'zh-CN': '议题与表决', en: 'Motions and votes' },
    module: residentModule,
    render: (screen) =>
      html`<linli-resident-motions-screen .context=${screen}></linli-resident-motions-screen>`,
  },
  {
    path: '/c/:community/motions/:motion',
    audience: 'household',
    title: { 'zh-CN': '议题', en: 'Motion' },
    module: residentModule,
    render: (screen) =>
      html`<linli-resident-motion-screen .context=${screen}></linli-resident-motion-screen>`,
  },
  {
    // Where a household lands once signed in: what needs it now, what it owes, its turns and roles.
    path: '/c/:community/home',
    audience: 'household',
    title: { 'zh-CN': '我家', en: 'My household' },
    module: residentModule,
    render: (screen) => html`<linli-resident-home-screen .context=${screen}></linli-resident-home-screen>`,
  },
  {
    path: '/c/:community/announcements',
    audience: 'household',
    title: { 'zh-CN': '本楼公告', en: 'Notices' },
    module: residentModule,
    render: (screen) =>
      html`<linli-resident-announcements-screen .context=${screen}></linli-resident-announcements-screen>`,
  },
  {
    path: '/c/:community/devices',
    audience: 'household',
    title: { 'zh-CN': '我的设备', en: 'My devices' },
    module: devicesModule,
    render: (screen) => html`<linli-devices-screen .context=${screen}></linli-devices-screen>`,
  },
];

/** The screen for a path no route matches. */
export const notFoundRoute: Route = {
  path: '*',
  audience: 'anyone',
  title: { 'zh-CN': '找不到这个页面', en: 'Page not found' },
  render: (screen) => html`<linli-not-found-screen .context=${screen}></linli-not-found-screen>`,
};

/** The titles of the sign-in form the shell shows in front of a screen the reader may not see yet. */
export const gateTitles: Readonly<Record<Exclude<Audience, 'anyone'>, Localized>> = {
  organizer: { 'zh-CN': '组织者登录', en: 'Organizer sign-in' },
  household: { 'zh-CN': '住户登录', en: 'Household sign-in' },
};

/** The organizer screens of `community` below its home, for the home's links. */
export function organizerScreens(community: string, table: readonly Route[] = routes) {
  const below = /^\/c\/:community\/organizer\/[^:]+$/;
  return table
    .filter((route) => route.audience === 'organizer' && below.test(route.path))
    .map((route) => ({ href: pathOf(route.path, { community }), title: route.title }));
}
