import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchPath, matchRoute, pathOf } from './route-match.js';
import { organizerScreens, routes } from './routes.js';

describe('matching a path to a route', () => {
  it('takes literal segments and decoded params, ignoring a trailing slash', () => {
    expect(matchPath('/setup', '/setup')).toEqual({});
    expect(matchPath('/setup', '/setup/')).toEqual({});
    expect(matchPath('/c/:community/organizer', '/c/jiangning-1/organizer')).toEqual({
      community: 'jiangning-1',
    });
    expect(matchPath('/c/:community/organizer', '/c/%E6%B1%9F/organizer')).toEqual({ community: '江' });
  });

  it('refuses other lengths, other literals, empty params, doubled slashes and broken escapes', () => {
    expect(matchPath('/setup', '/')).toBeUndefined();
    expect(matchPath('/setup', '/setup/more')).toBeUndefined();
    expect(matchPath('/c/:community/organizer', '/c/x/organiser')).toBeUndefined();
    expect(matchPath('/c/:community/organizer', '/c//organizer')).toBeUndefined();
    expect(matchPath('/c/:community/organizer', '/c/%E6/organizer')).toBeUndefined();
    expect(matchPath('/c/:community/organizer', '/c/x//organizer')).toBeUndefined();
  });

  it('finds the shell’s screens in its table, and no screen for an unknown path', () => {
    expect(matchRoute(routes, '/setup')?.route.path).toBe('/setup');
    expect(matchRoute(routes, '/c/xfkl/organizer')).toMatchObject({
      route: { audience: 'organizer' },
      params: { community: 'xfkl' },
    });
    expect(matchRoute(routes, '/c/xfkl/sign-in')?.route.audience).toBe('anyone');
    expect(matchRoute(routes, '/c/xfkl/organizer/nothing-here')).toBeUndefined();
  });

  it('round-trips any community id through pathOf and matchPath', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (community) => {
        expect(
          matchPath('/c/:community/organizer', pathOf('/c/:community/organizer', { community })),
        ).toEqual({
          community,
        });
      }),
    );
  });

  it('lists the organizer screens below the home for its links, with their hrefs', () => {
    const title = { 'zh-CN': '导入', en: 'Import' };
    const render =
      routes[0]?.render ??
      (() => {
        throw new Error('no route');
      });
    const table = [
      ...routes,
      { path: '/c/:community/organizer/import', audience: 'organizer' as const, title, render },
      { path: '/c/:community/sign-in/help', audience: 'anyone' as const, title, render },
    ];
    const register = {
      href: '/c/a%20b/organizer/register',
      title: { 'zh-CN': '房屋清册', en: 'Housing register' },
    };
    const motions = [
      { href: '/c/a%20b/organizer/motions', title: { 'zh-CN': '表决事项', en: 'Motions' } },
      { href: '/c/a%20b/organizer/motions/new', title: { 'zh-CN': '发起表决', en: 'New motion' } },
      { href: '/c/a%20b/organizer/projects', title: { 'zh-CN': '立项的项目', en: 'Funded projects' } },
      { href: '/c/a%20b/organizer/roles', title: { 'zh-CN': '楼组职务', en: 'Building roles' } },
      { href: '/c/a%20b/organizer/funds', title: { 'zh-CN': '资金', en: 'Funds' } },
      { href: '/c/a%20b/organizer/duties', title: { 'zh-CN': '值日轮值', en: 'Duty rotas' } },
      { href: '/c/a%20b/organizer/households', title: { 'zh-CN': '住户管理', en: 'Households' } },
      { href: '/c/a%20b/organizer/charges', title: { 'zh-CN': '每月固定费用', en: 'Recurring charges' } },
      { href: '/c/a%20b/organizer/announcements', title: { 'zh-CN': '公告', en: 'Notices' } },
    ];
    expect(organizerScreens('a b', table)).toEqual([
      register,
      ...motions,
      { href: '/c/a%20b/organizer/import', title },
    ]);
    expect(organizerScreens('x')).toEqual(
      [register, ...motions].map((link) => ({ ...link, href: link.href.replace('a%20b', 'x') })),
    );
  });
});
