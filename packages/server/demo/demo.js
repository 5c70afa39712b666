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

/** The session survives a reload here: an invite code works only once, so losing it would lock a household out. */
const SAVED = `linli-session:${endpoint}`;
const signOutButton = document.querySelector('#sign-out');

/** Hands a household session to the widgets and says who is signed in. */
async function signedIn(token, household) {
  for (const element of document.querySelectorAll('[endpoint]')) element.token = token;
  for (const element of document.querySelectorAll('linli-roster, linli-fund')) element.household = household;
  // Which voter on the motion this household is, from the published view (the widget may still be loading).
  const vote = document.querySelector('linli-vote');
  const view = await fetch(`${endpoint}/view`)
    .then((r) => r.json())
    .catch(() => undefined);
  const motion = view?.motions.find((m) => m.id === vote.getAttribute('motion'));
  const voter = motion?.electorate.find((v) => v.unitIds.includes(household));
  if (voter) vote.voter = voter.id;
  localStorage.setItem(SAVED, JSON.stringify({ token, household }));
  form.hidden = true;
  signOutButton.hidden = false;
  const room = household.replace(/^u/, '');
  say({ 'zh-CN': `已登录：${room}室`, en: `Signed in: flat ${room}` });
}

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
  form.reset();
  await signedIn(body.token, body.household);
});

/** Ends this device's session; `confirmed`: the resident read that it is the household's last device. */
const signOut = (token, confirmed) =>
  fetch(`${endpoint}/sessions${confirmed ? '?last=confirmed' : ''}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined);

signOutButton.addEventListener('click', async () => {
  const { token } = JSON.parse(localStorage.getItem(SAVED) ?? '{}');
  const response = await signOut(token, false);
  if (response?.status === 409) {
    // The household's last device: signing out would need a new paper notice to get back in. The
    // server's message says so; the resident decides.
    const body = await response.json().catch(() => undefined);
    if (!confirm(body?.error ? pick(body.error.message) : pick({ 'zh-CN': '退出登录？', en: 'Sign out?' })))
      return;
    await signOut(token, true);
  }
  localStorage.removeItem(SAVED);
  location.reload(); // every widget starts again without the session
});

// After a reload: ask the server whether the saved session still stands (it may have been ended).
const saved = JSON.parse(localStorage.getItem(SAVED) ?? 'null');
if (saved?.token) {
  const response = await fetch(`${endpoint}/session`, {
    headers: { authorization: `Bearer ${saved.token}` },
  }).catch(() => undefined);
  const body = await response?.json().catch(() => undefined);
  if (body?.household) await signedIn(saved.token, body.household);
  else if (response?.status === 401) localStorage.removeItem(SAVED);
}
