// Browser benchmark of the release build (not a test: it reports, it asserts nothing).
//   trunk build --release && node tests/bench/browser-bench.mjs
// Reports, for degree 15 on 500 points while training at full speed: epochs per second, the
// 95th-percentile animation-frame interval, and the 95th-percentile time from a slider's input
// event to the fit chart's finished repaint; plus the gzip size of dist/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveDist, launch, openPage, DIST } from '../e2e/harness.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]; };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const server = await serveDist();
const browser = await launch();
const { page } = await openPage(browser, server.origin, server.url + '?degree=15&n=500&lambda=0&speed=max');
await page.getByRole('button', { name: 'Play' }).click();
await page.waitForTimeout(1000); // let the per-frame budget settle

// Frame intervals and epochs per second, measured inside the page.
const frames = await page.evaluate((seconds) => new Promise((done) => {
  const epoch = () => Number(document.getElementById('epoch').textContent);
  const stamps = []; const e0 = epoch(); const t0 = performance.now();
  const tick = (t) => {
    stamps.push(t);
    if (t - t0 < seconds * 1000) requestAnimationFrame(tick);
    else done({ intervals: stamps.slice(1).map((s, i) => s - stamps[i]), epochs: epoch() - e0, ms: performance.now() - t0 });
  };
  requestAnimationFrame(tick);
}), SECONDS);

// Slider input → repainted fit chart, while training keeps running.
await page.evaluate(() => {
  window.__latency = [];
  const slider = document.getElementById('ctl-lambda');
  const chart = document.getElementById('fit-chart');
  slider.addEventListener('input', () => {
    const t0 = performance.now();
    const seen = new MutationObserver(() => {
      if (parseFloat(chart.dataset.drawnAt) >= t0) { window.__latency.push(performance.now() - t0); seen.disconnect(); }
    });
    seen.observe(chart, { attributes: true, attributeFilter: ['data-drawn-at'] });
  });
});
const slider = page.getByLabel('Regularization strength', { exact: true });
await slider.focus();
for (let i = 0; i < 60; i++) {
  await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
  await page.waitForTimeout(50 + (i % 7) * 7); // land at different points of the frame
}
await page.waitForTimeout(200);
const latency = await page.evaluate(() => window.__latency);
await browser.close();
await server.close();

const files = readdirSync(DIST);
const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
const raw = files.reduce((sum, f) => sum + readFileSync(join(DIST, f)).length, 0);
const result = {
  epochs_per_second: Math.round(frames.epochs / (frames.ms / 1000)),
  frame_interval_ms: { p50: round(frames.intervals.sort((a, b) => a - b)[frames.intervals.length >> 1]), p95: round(p95(frames.intervals)), frames: frames.intervals.length },
  slider_to_repaint_ms: { p50: round(latency.sort((a, b) => a - b)[latency.length >> 1]), p95: round(p95(latency)), samples: latency.length },
  dist_kb: { raw: round(raw / 1024), gzip: round(gzip / 1024) },
};
console.log(JSON.stringify(result, null, 2));
