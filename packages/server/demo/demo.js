// The demo page's own glue: redeem an invite code, then hand the session to the widgets. Everything
// shown comes from the server through the widgets' `endpoint`; nothing here decides anything.
const endpoint = '/c/xfkl';
const root = document.documentElement;
const status = document.querySelector('#status');
const form = document.querySelector('#sign-in');
const pick = (messages) => (root.lang === 'en' ? messages.en : messages['zh-CN']);
/** The last status, in both languages, so switching language re-says it. */
let said;
const say = (messages) => {
  said = messages;
  status.textContent = pick(messages);
};

document.querySelector('#language').addEventListener('click', () => {
  root.lang = root.lang === 'en' ? 'zh-CN' : 'en';
  if (said) status.textContent = pick(said);
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch(`${endpoint}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: form.elements.code.value }),
  }).catch(() => undefined);
  const body = await response?.json().catch(() => undefined);
  if (!response?.ok || !body?.token) {
    say(body?.error ? body.error.message : { 'zh-CN': '连不上服务器', en: 'Cannot reach the server' });
    return;
  }
  for (const element of document.querySelectorAll('[endpoint]')) element.token = body.token;
  const room = body.household.replace(/^u/, '');
  for (const element of document.querySelectorAll('linli-roster, linli-fund'))
    element.household = body.household;
  const vote = document.querySelector('linli-vote');
  const motion = vote.governance?.motions.value.find((m) => m.id === vote.motion);
  const voter = motion?.electorate.find((v) => v.unitIds.includes(body.household));
  if (voter) vote.voter = voter.id;
  form.reset();
  say({ 'zh-CN': `已登录：${room}室`, en: `Signed in: flat ${room}` });
});
