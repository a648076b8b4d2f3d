// Browser benchmark of an ensemble growing in the Classification lab (reports, asserts nothing).
//   trunk build --release && node tests/bench/ensemble-bench.mjs
// For a forest, boosting and three-class boosting (200 trees of depth 4, moons, 350 training
// points): the time from Play to the 200th tree at speed max and the frame intervals meanwhile
// (p50, p95, max and how many frames), the main thread's long tasks, and the same intervals at
// the default speed (the trees a learner watches arrive); `after`: the three frames after the
// last tree, where the full-resolution map and the parameters panel settle.
import { serveDist, launch, openPage } from '../e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
// Which speeds to measure (comma-separated): `max` alone is the growth issue 12 is about.
const SPEEDS = (process.env.BENCH_SPEEDS ?? 'max,default').split(',');
// How long after loading the page Play is pressed (ms).
const WAIT_MS = Number(process.env.BENCH_WAIT_MS ?? 500);
const p = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const round = (x) => Math.round(x * 10) / 10;

const server = await serveDist();
const browser = await launch();
const out = {};
// features=1: the plain coordinates (the lab's default Features became 2 in session 10).
const cases = [['forest', 'model=forest&trees=200&depth=4&features=1&data=moons'],
  ['boosting', 'model=boosting&trees=200&depth=4&features=1&data=moons'],
  ['boosting_three_classes', 'model=boosting&trees=200&depth=4&features=1&data=three']];
for (const [name, query] of cases) {
  for (const speed of SPEEDS) {
    for (let run = 0; run < RUNS; run++) {
      const speedQuery = speed === 'max' ? '&speed=max' : '';
      const { page } = await openPage(browser, server.origin, `${server.url}?lab=classification&n=500&noise=0.3${speedQuery}&${query}`);
      await page.waitForTimeout(WAIT_MS);
      const started = page.evaluate((limitMs) => new Promise((done) => {
        const trees = () => Number(document.getElementById('epoch').textContent.replace(/,/g, ''));
        const stamps = []; const tasks = []; let t0 = null;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (t0 !== null) tasks.push(e.duration); })
          .observe({ type: 'longtask' });
        document.getElementById('play').addEventListener('click', () => { t0 = performance.now(); }, { once: true });
        // After the 200th tree, three more frames: the full-resolution map and the panel's
        // rules appear in them (reported apart: they are not frames while trees are added).
        let grown = null;
        const tick = (t) => {
          if (t0 !== null) stamps.push(t);
          if (grown === null && (trees() >= 200 || (t0 !== null && performance.now() - t0 > limitMs))) {
            grown = { ms: performance.now() - t0, trees: trees(), frames: stamps.length };
          }
          if (grown !== null && stamps.length >= grown.frames + 3) {
            const all = stamps.slice(1).map((s, i) => s - stamps[i]);
            done({ ...grown, tasks, intervals: all.slice(0, grown.frames - 1), after: all.slice(grown.frames - 1) });
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }), speed === 'max' ? 20000 : 5000);
      await page.getByRole('button', { name: 'Play' }).click();
      const r = await started;
      const key = `${name}_${speed}`;
      (out[key] ??= []).push({
        ms: Math.round(r.ms), trees: r.trees,
        frames: r.intervals.length, p50: round(p(r.intervals, 0.5)), p95: round(p(r.intervals, 0.95)), max: round(Math.max(...r.intervals)),
        late: r.intervals.filter((x) => x > 20).length, after: r.after.map(round),
        long_tasks: r.tasks.map(round), intervals: r.intervals.map(round),
      });
      await page.close();
    }
  }
}
await browser.close();
await server.close();
// Every run's frames together: a run of ten frames has no p95 of its own (it is the slowest).
for (const [key, runs] of Object.entries(out)) {
  const all = runs.flatMap((r) => r.intervals);
  out[`${key}_pooled`] = { runs: runs.length, frames: all.length, p95: round(p(all, 0.95)), late: all.filter((x) => x > 20).length };
}
console.log(JSON.stringify(out, null, 1));
