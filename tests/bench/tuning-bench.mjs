// The Tuning lab's search in Web Workers (issue 11): for 1 and 2 workers (the page's
// navigator.hardwareConcurrency overridden to 2 and 3: one core is left to the page) and for the
// page alone (the worker script blocked,
// so the search runs in animation frames): the time from Play to the last trial, the time from
// the first paint to the whole landscape, and the frame intervals while both run.
// Usage: node tests/bench/tuning-bench.mjs  (after a release build in dist/; nothing else running)
import { serveDist, launch } from '../e2e/harness.mjs';

const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]; };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const CASES = [
  ['default (polynomial, degree × λ, grid 16, 5 folds)', '?lab=tuning'],
  ['boosting, trees × learning rate, 200 points (88 cells)', '?lab=tuning&model=boosting&n=200'],
  ['forest, trees × depth, 200 points, random 40', '?lab=tuning&model=forest&n=200&strategy=random&budget=40'],
  ['network, learning rate × λ, 200 points (the plane\'s default; 195 cells)', '?lab=tuning&model=network'],
];
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);

const server = await serveDist();
const browser = await launch();
const result = {};
for (const [name, query] of CASES) {
  result[name] = {};
  for (const cores of [2, 3, 0]) {
    const runs = [];
    for (let r = 0; r < REPEATS; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      if (cores > 0) {
        await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), cores);
      } else {
        await page.route('**/search-worker.js', (route) => route.abort());
      }
      await page.goto(server.url + query);
      await page.locator('canvas[data-drawn-at]').first().waitFor();
      // Frame intervals and the two finishing times, measured in the page.
      await page.evaluate(() => {
        const start = performance.now();
        const m = window.__bench = { start, intervals: [], searchMs: null, landscapeMs: null };
        let last = null;
        const frame = (t) => {
          if (last !== null) m.intervals.push(t - last);
          last = t;
          const left = document.getElementById('time-left')?.textContent ?? '';
          const land = document.getElementById('landscape-status')?.textContent ?? '';
          if (m.searchMs === null && /^Done/.test(left)) m.searchMs = performance.now() - m.playAt;
          if (m.landscapeMs === null && /^Faint/.test(land)) m.landscapeMs = performance.now() - start;
          if (m.searchMs === null || m.landscapeMs === null) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        m.playAt = performance.now();
        document.getElementById('play').click();
      });
      await page.waitForFunction(() => window.__bench.searchMs !== null && window.__bench.landscapeMs !== null,
        null, { timeout: 600_000, polling: 500 });
      runs.push(await page.evaluate(() => window.__bench));
      await page.close();
    }
    const best = (key) => round(Math.min(...runs.map((r) => r[key])), 0);
    const intervals = runs.flatMap((r) => r.intervals);
    result[name][cores ? `${cores - 1} worker(s)` : 'page alone'] = {
      search_ms: best('searchMs'),
      landscape_ms: best('landscapeMs'),
      frame_p95_ms: round(p95(intervals)),
      frames: intervals.length,
    };
  }
  const one = result[name]['1 worker(s)'].landscape_ms;
  const two = result[name]['2 worker(s)'].landscape_ms;
  result[name].landscape_speedup_2_vs_1 = round(one / two, 2);
}
await browser.close();
await server.close();
console.log(JSON.stringify(result, null, 2));
