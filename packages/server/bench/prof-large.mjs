import { readdirSync } from 'node:fs';
import { dataFolder } from './generate/data-folder.mjs';
import { openCommunity } from './open-community.mjs';

const cache = new URL('./.cache/', import.meta.url).pathname;
const dir = cache + readdirSync(cache).find((d) => d.startsWith('large-community'));
const data = dataFolder(dir);
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  const u = process.cpuUsage();
  const c = await openCommunity(data, 'kly');
  const d = process.cpuUsage(u);
  console.log(
    (performance.now() - t).toFixed(0),
    'ms wall',
    ((d.user + d.system) / 1000).toFixed(0),
    'ms cpu',
  );
  await c.close();
}
const { memoryAfterGc } = await import('./measure.mjs');
const b = memoryAfterGc();
const c = await openCommunity(data, 'kly');
const a = memoryAfterGc();
console.log(
  'heap',
  (a.heapUsed - b.heapUsed) / 2 ** 20,
  'rss',
  (a.rss - b.rss) / 2 ** 20,
  'abs heap',
  a.heapUsed / 2 ** 20,
  c.hosted.governance.head.value.seq,
);
