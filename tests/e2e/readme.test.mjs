// Every link of README's "Using it in class" table, opened as a teacher would, and what the table
// says about it asserted. The table is read from README.md itself: a row without a check here, or
// a check whose link is no longer in the table, fails the suite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launch, openPage, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const text = async (page, selector) => (await page.locator(selector).textContent()).trim();
const param = (page, name) => new URL(page.url()).searchParams.get(name);
const percent = async (page, id) => parseFloat(await text(page, id));
const play = (page) => page.getByRole('button', { name: 'Play' }).click();
const pause = (page) => page.getByRole('button', { name: 'Pause' }).click();
const untilEpoch = (page, n, timeout = 60_000) => page.waitForFunction(
  (t) => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= t, n, { timeout });
const verdict = (page, pattern, timeout = 60_000) => page.waitForFunction(
  (source) => new RegExp(source).test(document.getElementById('diagnosis')?.textContent ?? ''),
  pattern.source, { timeout });
/** Speed to max, as the README says a teacher does (End on the slider). */
async function maxSpeed(page) {
  await page.getByLabel('Speed', { exact: true }).focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('speed') === 'max');
}
/** The weights of the Regression lab's table, in order. */
const weights = async (page) => (await page.locator('#weights tbody td.num').allTextContents()).map(Number);

/** The validation curve's numbers once computed: [value, training error, CV error] per row, an
 *  error rate as a fraction (the table gives it in %, as the chart's axis does). */
async function curve(page) {
  await page.waitForFunction(() => / values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 120_000 });
  const rows = await page.locator('#validation-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const rate = (cell) => {
    const m = cell.match(/^(\d+\.\d) %$/);
    assert.ok(m, `an error rate in %: ${cell}`);
    return Number(m[1]) / 100;
  };
  return rows.map(([v, train, cv]) => [Number(v), rate(train), rate(cv)]);
}

/** The fit chart's shading (#F0F0F0, the x beyond the training points) along a row of its axes
 * layer: how many pixels in the left and the right half, and where the rightmost one is (a share
 * of the width). Grid lines and points cross the bands, so pixels are counted, not runs. */
const shading = (page) => page.evaluate(() => {
  const c = document.getElementById('fit-chart-axes');
  const row = c.getContext('2d').getImageData(0, Math.round(c.height * 0.4), c.width, 1).data;
  const shaded = [];
  for (let x = 0; x < c.width; x++) {
    if (row[4 * x] === 240 && row[4 * x + 1] === 240 && row[4 * x + 2] === 240) shaded.push(x);
  }
  return {
    left: shaded.filter((x) => x < c.width / 2).length,
    right: shaded.filter((x) => x >= c.width / 2).length,
    last: shaded.length ? (shaded[shaded.length - 1] + 1) / c.width : 0,
  };
});

/** README link → what the table (and the lesson text under it) says about it. */
const CHECKS = {
  '?lab=classification&model=forest&data=moons&noise=0.6&n=300&depth=10': async (page) => {
    assert.equal(await page.getByLabel('Validation curve for', { exact: true }).locator('option:checked').textContent(), 'Number of trees');
    const c = await curve(page);
    const at = (n) => c.find(([v]) => v >= n)[2];
    const last = c[c.length - 1];
    assert.equal(last[0], 200);
    assert.ok(at(50) < c[0][2], `more trees help at first: ${JSON.stringify(c)}`);
    assert.ok(last[2] <= at(50) + 0.02, `and do not overfit: ${JSON.stringify(c)}`);
  },
  '?lab=classification&model=boosting&data=moons&noise=0.5&n=300&depth=1&shrinkage=1': async (page) => {
    const c = await curve(page);
    const best = c.reduce((b, r) => (r[2] < b[2] ? r : b));
    const last = c[c.length - 1];
    assert.ok(best[0] <= 20, `lowest after a few stumps: ${JSON.stringify(c)}`);
    assert.ok(last[2] > best[2] + 0.02, `rising as trees are added: ${JSON.stringify(c)}`);
    // Grown to its 50 trees it fits 94 % of its training points, 6 points above the rule that
    // knows the pattern there: the verdict says it learned their noise, and the curve, lower
    // at 10 trees, settles its test points' close call as overfitting (helper 89).
    await play(page);
    await verdict(page, /^Overfitting: too flexible.*far above that rule on its own training points, 94 % against 88 % \(it has learned some of their noise\)/);
  },
  '?degree=1&data=sine': async (page) => {
    await play(page);
    await verdict(page, /^Underfitting: too simple/);
  },
  '?degree=3&data=sine&seed=8': async (page) => {
    await play(page);
    await verdict(page, /^Good fit — (?!.*beyond the training points)/);
  },
  '?degree=2&data=cubic': async (page) => {
    await play(page);
    await verdict(page, /^Test points beyond the training data — .*Between the training points \(x from -0\.92 to 0\.68\).*the 3 test points beyond/);
    // The chart shades what lies beyond: x from 0.68 to 1 (16 % of the axis) on the right, four
    // times the band from −1 to −0.92 on the left, up to the plotting area's right edge.
    const s = await shading(page);
    assert.ok(s.left > 0 && s.right > 3 * s.left && s.right < 6 * s.left, JSON.stringify(s));
    // (The plotting area ends at about 0.97 of the canvas; a band stopping at x = 0.9 would end
    // near 0.93.)
    assert.ok(s.last > 0.95, JSON.stringify(s));
  },
  '?degree=15&n=20&speed=max': async (page) => {
    await play(page);
    await untilEpoch(page, 2000);
    await pause(page);
    await verdict(page, /^Overfitting: too few training points.*only 14 training points for 16/);
    assert.ok(Number(await text(page, '#test-loss')) > 5 * Number(await text(page, '#train-loss')));
    // The curve runs off the top of the chart: an arrowhead on the edge there, its tip the
    // curve's highest pixel and its base, a few rows down, a dark run wider than any steep line.
    const arrow = await page.evaluate(() => {
      const c = document.getElementById('fit-chart');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const dark = (x, y) => { const i = 4 * (y * c.width + x); return d[i + 3] > 200 && d[i] < 80 && d[i + 1] < 80 && d[i + 2] < 80; };
      let top = -1;
      for (let y = 0; y < c.height && top < 0; y++) for (let x = 0; x < c.width; x++) if (dark(x, y)) { top = y; break; }
      let widest = 0;
      for (let y = top; y < top + 8 * devicePixelRatio; y++) {
        let run = 0;
        for (let x = 0; x < c.width; x++) { run = dark(x, y) ? run + 1 : 0; widest = Math.max(widest, run); }
      }
      return { top, widest };
    });
    assert.ok(arrow.top >= 0 && arrow.widest >= 9, JSON.stringify(arrow));
  },
  '?degree=15&n=20&reg=l2&lambda=0.001&speed=max': async (page) => {
    await play(page);
    await untilEpoch(page, 2000);
    const size = (w) => w.slice(1).reduce((s, v) => s + v * v, 0);
    const before = size(await weights(page));
    // "move λ up from there": six steps right (0.001 → 0.003 → … → 1), training goes on.
    await page.getByLabel('Regularization strength', { exact: true }).focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lambda') === '1');
    const at = Number((await text(page, '#epoch')).replace(/,/g, ''));
    await untilEpoch(page, at + 3000);
    await pause(page);
    const after = size(await weights(page));
    assert.ok(after < 0.5 * before, `Σw² ${before} → ${after}`);
  },
  '?degree=15&n=30&opt=adam&lr=0.03&reg=l1&lambda=0.1&speed=max&seed=8': async (page) => {
    await play(page);
    await untilEpoch(page, 3000);
    await pause(page);
    await verdict(page, /^Good fit — /);
    assert.match(await text(page, '#zero-weights'), /^\d+ of the 15 weights beside w₀$/);
    const [zeros, total] = (await text(page, '#zero-weights')).match(/\d+/g).map(Number);
    assert.equal(total, 15);
    assert.ok(zeros >= 10, `${zeros} of ${total} zero`);
    assert.equal((await weights(page)).slice(1).filter((w) => w === 0).length, zeros, 'the table agrees');
  },
  '?degree=15&n=20&reg=l1&lambda=0.01&speed=max': async (page) => {
    await play(page);
    await untilEpoch(page, 3000);
    await pause(page);
    await verdict(page, /^Good fit — .*a training error under a quarter of the floor means the model has learned much of the noise.*the validation curve, which does not use them, is the better judge/);
    // Under a quarter of σ² = 0.2² (the default noise), and no gap on the test points.
    const train = Number(await text(page, '#train-loss'));
    assert.ok(train < 0.04 / 4, `train MSE ${train}`);
    assert.ok(Number(await text(page, '#test-loss')) < 3 * 0.04, 'no gap on the test points');
  },
  '?opt=sgd&lr=10': async (page) => {
    await play(page);
    await page.locator('.divergence').waitFor();
    assert.match(await text(page, '.divergence'), /learning rate of 10 is too high/);
    // "goes back to the parameters with the lowest training loss recorded" (here the start)
    assert.match(await text(page, '.divergence'), /Shown: the parameters of epoch 0 \(the start\), before any update: no epoch had a lower training loss than its \d/);
    assert.equal(await text(page, '#epoch'), '0');
    // "a diverged value reads diverged": the validation curve draws no number for it.
    await page.waitForFunction(() => /15 values computed; 15 diverged/.test(document.getElementById('validation-status').textContent), null, { timeout: 60_000 });
  },
  '?lr=0.0001': async (page) => {
    assert.match(await page.getByLabel('Speed', { exact: true }).getAttribute('aria-valuetext'), /^1\b/, 'one epoch per frame');
    await play(page);
    await verdict(page, /^Still training/);
  },
  '?lab=classification&model=tree&depth=2&data=xor': async (page) => {
    // Training accuracy at the rule's, test accuracy far below: once "too flexible … a smaller
    // max depth" beside a curve that says depth 4.
    await play(page);
    await verdict(page, /^Underfitting: too simple.*has not learned its training points' noise.*Give it more flexibility: a larger max depth\..*The validation curve does clearly better at Max depth = 4/);
    assert.doesNotMatch(await text(page, '#diagnosis'), /less flexible/);
    assert.ok(await percent(page, '#train-acc') - await percent(page, '#test-acc') >= 8, 'a gap of 8 points or more');
  },
  '?lab=classification&model=knn&k=1&data=moons&noise=0.6': async (page) => {
    assert.equal(await text(page, '#train-acc'), '100.0 %');
    await verdict(page, /^Overfitting: too flexible/);
    // "then watch the k validation curve": it is the curve shown, over k.
    assert.match(await page.locator('#ctl-sweep option:checked').textContent(), /^k$/);
    await page.locator('#validation-chart').scrollIntoViewIfNeeded();
    await page.locator('#validation-chart[data-drawn-at]').waitFor();
  },
  '?lab=classification&model=tree&depth=1&data=circles': async (page) => {
    await page.getByRole('button', { name: 'Step' }).click();
    await verdict(page, /^Underfitting: too simple/);
  },
  '?lab=classification&model=logistic&data=circles&lr=0.1&features=1': async (page) => {
    await maxSpeed(page);
    await play(page);
    await untilEpoch(page, 500);
    await pause(page);
    await verdict(page, /^Underfitting: too simple/);
    // "then Features →": squares separate circles.
    await page.getByLabel('Features', { exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('features') === '2');
    await play(page);
    await untilEpoch(page, 500);
    await verdict(page, /^Good fit/);
    assert.ok(await percent(page, '#test-acc') > 90);
  },
  '?lab=classification&data=custom': async (page) => {
    const box = await page.locator('#region-chart').boundingBox();
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.4);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('pts') !== null);
  },
  '?lab=neural&data=xor&noise=0&act=relu&init=8&speed=max': async (page) => {
    await play(page);
    await untilEpoch(page, 3000);
    await pause(page);
    await verdict(page, /^Stuck/);
    assert.ok(await percent(page, '#train-acc') < 85);
    // However long it trains: still stuck many thousands of epochs later.
    await play(page);
    await untilEpoch(page, 20000);
    await pause(page);
    await verdict(page, /^Stuck/);
    assert.ok(await percent(page, '#train-acc') < 85);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    assert.equal(param(page, 'init'), '9', 'Reset draws the next starting weights');
    await play(page);
    await untilEpoch(page, 3000);
    await verdict(page, /^Good fit/);
  },
  '?lab=neural&data=circles&layers=0': async (page) => {
    await maxSpeed(page);
    await play(page);
    await untilEpoch(page, 2000);
    await verdict(page, /^Underfitting: too simple/);
  },
  '?lab=neural&data=bumps&layers=0': async (page) => {
    await maxSpeed(page);
    await play(page);
    await untilEpoch(page, 2000);
    await pause(page);
    await verdict(page, /^Underfitting: too simple/);
    // "a plane needs no hidden layer": the same network on the Plane surface fits.
    await page.getByLabel('Dataset', { exact: true }).selectOption({ label: 'Plane (regression)' });
    await play(page);
    await untilEpoch(page, 2000);
    await verdict(page, /^Good fit/);
  },
  '?lab=neural&data=circles&layers=0&inputs=x1,x2,x1sq,x2sq': async (page) => {
    await maxSpeed(page);
    await play(page);
    await untilEpoch(page, 1000);
    await verdict(page, /^Good fit/);
  },
  '?lab=neural&lr=10&opt=sgd&batch=1&act=relu&layers=4&l1=16&l2=16&l3=16&l4=16': async (page) => {
    await play(page);
    await page.locator('.divergence').waitFor();
    assert.match(await text(page, '.divergence'), /exploded/);
  },
  '?lab=neural&data=circles&layers=1&l1=4&inputs=x1,x2,x1sq,x2sq,x1x2,sin1,sin2&opt=sgd&lr=0.1&reg=l1&lambda=0.01': async (page) => {
    await maxSpeed(page);
    await play(page);
    await untilEpoch(page, 1000);
    await pause(page);
    const [zeros, total] = (await text(page, '#zero-weights')).match(/\d+/g).map(Number);
    assert.equal(total, 36);
    assert.ok(zeros >= 20 && zeros < 36, `${zeros} of 36`); // the README: 20 or more
    assert.ok(await percent(page, '#test-acc') >= 95);
    assert.equal(await page.locator('#network line.link.zero').count(), zeros, 'zero links drawn as zero');
  },
  '?lab=tuning&x=lr&y=none&strategy=grid&opt=sgd': async (page) => {
    await play(page);
    await page.locator('#result').waitFor({ timeout: 90_000 });
    const cells = await page.locator('#trials tbody td.cv').allTextContents();
    assert.ok(cells.some((c) => c.trim() === 'diverged'), `some rates diverge: ${cells.join(' | ')}`);
    assert.ok(cells.some((c) => Number.isFinite(parseFloat(c))), 'some rates train');
    assert.equal(await page.locator('#trials tbody tr.best td.cv').count(), 1);
    assert.notEqual((await text(page, '#trials tbody tr.best td.cv')), 'diverged', 'a diverged rate is never chosen');
    assert.ok(Number.isFinite(parseFloat(await text(page, '#result-cv'))), 'the choice has a cross-validated error');
    // "drawn in a band labelled diverged above the top gridline", said in words too.
    await page.waitForFunction(() => document.getElementById('landscape-status').textContent.startsWith('Behind the trials'),
      null, { timeout: 120_000 });
    assert.match(await text(page, '#landscape-status'), /a model diverged: no error, a ✕ in the band labelled diverged, above the top gridline\./);
  },
};

function readmeLinks() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Using it in class')[1].split('\n## ')[0];
  return [...section.matchAll(/^\|[^|]*\| `(\?[^`]*)`[^|]*\|$/gm)].map((m) => m[1]);
}

test('every link of the README table has a check, and every check a link', () => {
  const links = readmeLinks();
  assert.ok(links.length >= 15, `${links.length} links`);
  assert.deepEqual(links.filter((l) => !CHECKS[l]), [], 'links without a check');
  assert.deepEqual(Object.keys(CHECKS).filter((l) => !links.includes(l)), [], 'checks without a link');
});

for (const link of readmeLinks()) {
  test(`README link ${link}`, async () => {
    const check = CHECKS[link];
    assert.ok(check, 'a check for this link');
    const { page, problems } = await openPage(browser, server.origin, server.url + link);
    assert.equal(await page.locator('.notices').count(), 0, 'the link is read without a fallback');
    await check(page);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await page.close();
  });
}
