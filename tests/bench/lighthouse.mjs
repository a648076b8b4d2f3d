// Lighthouse (12.x, its default mobile settings: simulated slow 4G and 4× CPU slowdown) on the
// release build, served compressed under a sub-path as a static host does. Reports, asserts
// nothing; downloads Lighthouse through npx the first time.
//   trunk build --release && node tests/bench/lighthouse.mjs [runs] [lab …]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 3);
const labs = process.argv.length > 3 ? process.argv.slice(3) : ['regression', 'classification', 'neural', 'tuning'];
const server = await serveDist({ gzip: true });
const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift'];
const out = {};
for (const lab of labs) {
  for (let i = 0; i < runs; i++) {
    const report = join(dir, `${lab}-${i}.json`);
    // Asynchronous: the server answering Lighthouse runs in this process.
    await promisify(execFile)('npx', ['--yes', 'lighthouse@12', `${server.url}?lab=${lab}`, '--only-categories=performance,accessibility',
      '--output=json', `--output-path=${report}`, '--quiet', '--chrome-flags=--headless --no-sandbox'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const row = { performance: Math.round(r.categories.performance.score * 100), accessibility: Math.round(r.categories.accessibility.score * 100) };
    for (const m of metrics) row[m.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = r.audits[m].displayValue;
    // Lighthouse's own measure of this machine's CPU (higher is faster): its simulated 4× slowdown
    // multiplies this machine's task times, so scores are comparable only at similar indexes.
    row.benchmarkIndex = r.environment?.benchmarkIndex;
    row.lcpElement = r.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector;
    row.longTasks = (r.audits['long-tasks']?.details?.items ?? []).slice(0, 5).map((t) => Math.round(t.duration));
    (out[lab] ??= []).push(row);
  }
}
await server.close();
console.log(JSON.stringify(out, null, 1));
