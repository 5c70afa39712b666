// The demo page's own glue: the language switch, and who is signed in. The sign-in itself is the
// widgets' <linli-sign-in>, whose session every widget on the page uses; nothing here decides anything.
import { forgetSession, sessionKey } from '/cdn/linli.js';

const endpoint = '/c/xfkl';
const root = document.documentElement;
const status = document.querySelector('#status');
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

const signOutButton = document.querySelector('#sign-out');

/** Shows the household's own rows and turns, and says who is signed in. */
function signedIn(household) {
  for (const element of document.querySelectorAll('linli-roster, linli-fund')) element.household = household;
  signOutButton.hidden = false;
  const room = household.replace(/^u/, '');
  say({ 'zh-CN': `已登录：${room}室`, en: `Signed in: flat ${room}` });
}

document
  .querySelector('linli-sign-in')
  .addEventListener('linli-signed-in', (e) => signedIn(e.detail.household));

signOutButton.addEventListener('click', async () => {
  const { token } = JSON.parse(localStorage.getItem(sessionKey(endpoint)) ?? '{}');
  // `last=confirmed`: the demo prints a fresh code for its households at every start, so ending the
  // household's last session here locks nobody out (the residents' app warns first instead).
  await fetch(`${endpoint}/sessions?last=confirmed`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined);
  forgetSession(endpoint);
  location.reload(); // every widget starts again without the session
});

// After a reload: ask the server whether the kept session still stands (it may have been ended).
const saved = JSON.parse(localStorage.getItem(sessionKey(endpoint)) ?? 'null');
if (saved?.token) {
  const response = await fetch(`${endpoint}/session`, {
    headers: { authorization: `Bearer ${saved.token}` },
  }).catch(() => undefined);
  const body = await response?.json().catch(() => undefined);
  if (body?.household) signedIn(body.household);
  else if (response?.status === 401) forgetSession(endpoint);
}
