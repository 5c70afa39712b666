import { chromium } from 'playwright';
const [url, out] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 2400 } });
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto(url, { waitUntil: 'networkidle', timeout: 120000 });
await p.waitForTimeout(3000);
console.log(await p.evaluate(() => {
  const t = document.querySelector('.docblock-argstable');
  return [...(t?.querySelectorAll('tbody tr') ?? [])].map((r) => (r.querySelector('td')?.textContent ?? '').trim().slice(0,40) + ' | ' + (r.querySelectorAll('td')[1]?.textContent ?? '').trim().slice(0, 50)).join('\n');
}));
if (out) { const t = await p.$('.docblock-argstable'); await t.screenshot({ path: out }); }
await b.close();
