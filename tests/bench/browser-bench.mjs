// Browser benchmark of the release build (not a test: it reports, it asserts nothing).
//   trunk build --release && node tests/bench/browser-bench.mjs
// Reports, for degree 15 on 500 points while training at full speed: epochs per second, the
// 95th-percentile animation-frame interval, and the 95th-percentile time from a slider's input
// event to the fit chart's finished repaint; the Classification lab's decision-map repaint and
// validation sweep; the Neural-network lab's epochs per second, frame intervals and map repaint;
// the ensembles' growth and map repaint; plus the gzip size of dist/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveDist, launch, openPage, DIST } from '../e2e/harness.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]; };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const server = await serveDist();
const browser = await launch();
const { page } = await openPage(browser, server.origin, server.url + '?degree=15&n=500&reg=l2&lambda=0.000001&speed=max');
await page.getByRole('button', { name: 'Play' }).click();
await page.waitForTimeout(1000); // let the per-frame budget settle

// Frame intervals and epochs per second, measured inside the page.
const frames = await page.evaluate((seconds) => new Promise((done) => {
  const epoch = () => Number(document.getElementById('epoch').textContent.replace(/,/g, ''));
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
await page.close();

// Classification lab, 500 points (350 training): decision-map repaint per model, and the k
// validation curve (k = 1 … 50) computed across frames, with the frame intervals meanwhile.
const classify = {};
for (const [name, query] of [['knn_k1', 'model=knn&k=1'], ['knn_k5', 'model=knn&k=5'], ['knn_k15', 'model=knn&k=15'],
  ['knn_k100', 'model=knn&k=100'], ['knn_k100_distance', 'model=knn&k=100&weight=distance'], ['knn_k350', 'model=knn&k=350'],
  ['knn_k350_distance', 'model=knn&k=350&weight=distance'],
  ['tree_depth15', 'model=tree&depth=15'], ['logistic_deg5', 'model=logistic&features=5']]) {
  const { page: p } = await openPage(browser, server.origin, `${server.url}?lab=classification&n=500&data=moons&noise=0.3&${query}`);
  await p.waitForFunction(() => /values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 120_000 });
  const ms = [];
  for (let i = 0; i < 10; i++) {
    await p.getByLabel('Training fraction', { exact: true }).focus();
    await p.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await p.waitForTimeout(120);
    ms.push(parseFloat(await p.locator('#region-chart').getAttribute('data-draw-ms')));
  }
  classify[`map_repaint_ms_${name}`] = { p50: round(ms.sort((a, b) => a - b)[5]), max: round(ms[9]) };
  await p.close();
}
{
  const { page: p } = await openPage(browser, server.origin, `${server.url}?lab=classification&n=500&data=moons&noise=0.3&model=knn&k=5`);
  await p.waitForFunction(() => /values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 120_000 });
  // Start a fresh sweep (a data change) and watch the frames until it is done.
  const sweep = await p.evaluate(() => new Promise((done) => {
    const stamps = []; const t0 = performance.now();
    const status = () => document.getElementById('validation-status').textContent;
    const tick = (t) => {
      stamps.push(t);
      if (/values computed/.test(status()) && t - t0 > 100) done({ ms: t - t0, intervals: stamps.slice(1).map((s, i) => s - stamps[i]) });
      else requestAnimationFrame(tick);
    };
    const noise = document.getElementById('ctl-noise');
    noise.value = String(Number(noise.value) + 1);
    noise.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(tick);
  }));
  // The first two frames repaint the decision map for the changed data; the sweep is the rest.
  const during = sweep.intervals.slice(2);
  classify.k_sweep_1_to_50 = {
    ms: Math.round(sweep.ms), frames: sweep.intervals.length,
    first_two_frames_ms: sweep.intervals.slice(0, 2).map((v) => round(v)),
    frame_interval_max_after_them_ms: round(Math.max(...during)),
  };
  await p.close();
}
// Neural-network lab, TensorFlow Playground's setting (circles, 500 points, half for training,
// batch 10, tanh): epochs per second on screen and frame intervals while playing at full speed,
// and the decision map's repaint time (100 × 100 cells through the whole network) meanwhile.
const neural = {};
for (const [name, query] of [['h4_2', 'layers=2&l1=4&l2=2'], ['h8_8', 'layers=2&l1=8&l2=8'], ['h16x6', 'layers=6&l1=16&l2=16&l3=16&l4=16&l5=16&l6=16']]) {
  const { page: p } = await openPage(browser, server.origin, `${server.url}?lab=neural&data=circles&opt=sgd&speed=max&${query}`);
  await p.getByRole('button', { name: 'Play' }).click();
  await p.waitForTimeout(1500); // let the per-frame budget settle
  const run = await p.evaluate((seconds) => new Promise((done) => {
    const epoch = () => Number(document.getElementById('epoch').textContent.replace(/,/g, ''));
    const chart = document.getElementById('region-chart');
    const stamps = []; const draws = []; const e0 = epoch(); const t0 = performance.now();
    const tick = (t) => {
      stamps.push(t); draws.push(parseFloat(chart.dataset.drawMs));
      if (t - t0 < seconds * 1000) requestAnimationFrame(tick);
      else done({ intervals: stamps.slice(1).map((s, i) => s - stamps[i]), draws, epochs: epoch() - e0, ms: performance.now() - t0 });
    };
    requestAnimationFrame(tick);
  }), SECONDS);
  const sorted = [...run.intervals].sort((a, b) => a - b);
  const draws = [...run.draws].sort((a, b) => a - b);
  neural[name] = {
    epochs_per_second: Math.round(run.epochs / (run.ms / 1000)),
    frame_interval_ms: { p50: round(sorted[sorted.length >> 1]), p95: round(p95(run.intervals)), frames: run.intervals.length },
    map_repaint_ms: { p50: round(draws[draws.length >> 1]), max: round(draws[draws.length - 1]) },
  };
  await p.close();
}
// Ensembles (Classification lab, moons, 500 points: 350 training): 200 trees of depth 4 grown
// at full speed — the time from Play to the 200th tree (the rebuild, paced by frames), the frame
// intervals meanwhile, and the repaint of the 100 × 100 decision map of all 200 trees.
const ensembles = {};
for (const [name, query] of [['forest_200_depth4', 'model=forest&trees=200&depth=4'],
  ['boosting_200_depth4', 'model=boosting&trees=200&depth=4'],
  ['boosting_200_depth4_three_classes', 'model=boosting&trees=200&depth=4&data=three']]) {
  const data = query.includes('data=') ? '' : '&data=moons';
  const { page: p } = await openPage(browser, server.origin, `${server.url}?lab=classification&n=500&noise=0.3&speed=max${data}&${query}`);
  const started = p.evaluate(() => new Promise((done) => {
    const epoch = () => Number(document.getElementById('epoch').textContent.replace(/,/g, ''));
    const stamps = []; let t0 = null;
    document.getElementById('play').addEventListener('click', () => { t0 = performance.now(); }, { once: true });
    const tick = (t) => {
      if (t0 !== null) stamps.push(t);
      if (epoch() >= 200) done({ ms: performance.now() - t0, intervals: stamps.slice(1).map((s, i) => s - stamps[i]) });
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  await p.getByRole('button', { name: 'Play' }).click();
  const run = await started;
  await p.waitForTimeout(300);
  const draw = parseFloat(await p.locator('#region-chart').getAttribute('data-draw-ms'));
  ensembles[name] = {
    play_to_200_trees_ms: Math.round(run.ms),
    frame_interval_ms: { p95: round(p95(run.intervals)), max: round(Math.max(...run.intervals)), frames: run.intervals.length },
    map_repaint_200_trees_ms: round(draw),
  };
  await p.close();
}
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
  classification_500_points: classify,
  neural_circles_250_training_points: neural,
  ensembles_350_training_points: ensembles,
};
console.log(JSON.stringify(result, null, 2));
