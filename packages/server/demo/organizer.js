// The organizer's page: choose households, issue invite codes, print one notice per household. Every
// decision is the server's (POST /invites, DELETE /households/:unit/sessions); this page only asks.
const endpoint = '/c/xfkl';
const root = document.documentElement;
const status = document.querySelector('#status');
const pick = (messages) => (root.lang === 'en' ? messages.en : messages['zh-CN']);
let said;
const say = (messages) => {
  said = messages;
  status.textContent = pick(messages);
};
document.querySelector('#language').addEventListener('click', () => {
  root.lang = root.lang === 'en' ? 'zh-CN' : 'en';
  if (said) status.textContent = pick(said);
});

/** The token lives in this tab only: an organizer's key should not outlast the visit. */
const SAVED = `linli-organizer:${endpoint}`;
const unreachable = { 'zh-CN': '连不上服务器', en: 'Cannot reach the server' };

/** Calls the server as the organizer; answers the JSON body, or says the refusal and answers undefined. */
async function ask(path, init = {}) {
  const response = await fetch(`${endpoint}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${sessionStorage.getItem(SAVED)}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  }).catch(() => undefined);
  const body = await response?.json().catch(() => undefined);
  if (response?.ok && body) return body;
  say(body?.error?.message ?? unreachable);
  return undefined;
}

const el = (tag, text, attributes = {}) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};

/** The offices an organizer holds, as the server names them (`role`). */
const ROLES = {
  'building-head': { 'zh-CN': '楼组长', en: 'building head' },
  'residents-committee': { 'zh-CN': '居委会干部', en: "residents' committee member" },
  'owners-committee': { 'zh-CN': '业委会委员', en: "owners' committee member" },
};

/** Shows whose token this tab holds: on a shared computer the next person must see it is not theirs. */
async function showWho() {
  const who = await ask('/session');
  const line = document.querySelector('#signed-in-as');
  if (!who?.organizer) return;
  const role = ROLES[who.role] ?? { 'zh-CN': who.role, en: who.role };
  line.replaceChildren(
    el('span', `已登录：${who.name}（${role['zh-CN']}）`, { class: 'zh' }),
    el('span', `Signed in: ${who.name} (${role.en})`, { class: 'en' }),
  );
  line.hidden = false;
}

let community = '';
async function open() {
  const body = await ask('/households');
  if (!body) return false;
  await showWho();
  community = body.community;
  const byBuilding = new Map();
  // One group per stairwell: a building with several has a 101 in each.
  for (const h of body.households) {
    const where = `${h.building} ${h.stairwell}`;
    byBuilding.set(where, [...(byBuilding.get(where) ?? []), h]);
  }
  const buildings = document.querySelector('#buildings');
  const revoke = document.querySelector('#revoke-unit');
  buildings.replaceChildren();
  revoke.replaceChildren();
  for (const [building, households] of byBuilding) {
    const fieldset = el('fieldset');
    fieldset.append(el('legend', building));
    const rooms = el('div', undefined, { class: 'rooms' });
    for (const h of households) {
      const label = el('label');
      label.append(
        el('input', undefined, { type: 'checkbox', name: 'unit', value: h.unitId }),
        `${h.room}室`,
      );
      rooms.append(label);
      revoke.append(el('option', `${building} ${h.room}室`, { value: h.unitId }));
    }
    fieldset.append(rooms);
    buildings.append(fieldset);
  }
  document.querySelector('#households').hidden = false;
  document.querySelector('#token-form').hidden = true;
  say({
    'zh-CN': `已打开：${community}，${body.households.length} 户`,
    en: `Open: ${community}, ${body.households.length} households`,
  });
  return true;
}

document.querySelector('#token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  sessionStorage.setItem(SAVED, event.target.elements.token.value.trim());
  if (!(await open())) sessionStorage.removeItem(SAVED);
});

document.querySelector('#select-all').addEventListener('click', () => {
  for (const box of document.querySelectorAll('#buildings input')) box.checked = true;
});

document.querySelector('#issue-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const units = [...document.querySelectorAll('#buildings input:checked')].map((box) => box.value);
  if (units.length === 0) {
    say({ 'zh-CN': '请先选择住户', en: 'Choose households first' });
    return;
  }
  const body = await ask('/invites', { method: 'POST', body: JSON.stringify({ units }) });
  if (!body) return;
  const site = `${location.origin}/`;
  const list = document.querySelector('#notice-list');
  list.replaceChildren(
    ...body.invites.map((invite) => {
      const notice = el('article', undefined, { class: 'notice' });
      notice.append(
        el('h3', `${body.community} · ${invite.building} ${invite.stairwell} ${invite.room}室`),
        el('p', `请用手机打开 ${site}，输入下面的邀请码登录投票。邀请码只能使用一次，请妥善保管。`, {
          lang: 'zh-CN',
        }),
        el(
          'p',
          `Open ${site} on your phone and enter this code to sign in and vote. It works once; keep it safe.`,
          {
            lang: 'en',
          },
        ),
        el('p', invite.code, { class: 'code' }),
      );
      return notice;
    }),
  );
  document.querySelector('#notices').hidden = false;
  say({ 'zh-CN': `已生成 ${body.invites.length} 份通知`, en: `${body.invites.length} notices ready` });
});

document.querySelector('#print').addEventListener('click', () => window.print());

document.querySelector('#revoke-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const unit = event.target.elements.unit.value;
  const body = await ask(`/households/${encodeURIComponent(unit)}/sessions`, { method: 'DELETE' });
  if (body) say({ 'zh-CN': `已结束 ${body.revoked} 个登录`, en: `${body.revoked} sign-ins ended` });
});

// A reload in the same tab keeps the organizer signed in.
if (sessionStorage.getItem(SAVED) && !(await open())) sessionStorage.removeItem(SAVED);
