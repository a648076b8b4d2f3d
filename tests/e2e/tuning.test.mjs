// End-to-end tests of the Tuning lab (issue 11) in headless Chromium: a search set up and run by
// keyboard, its trials read from the table, the choice checked against the table and the link,
// and the result opened in the Regression lab with exactly the chosen settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launch, openPage } from './harness.mjs';

let server, browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const open = (query = '') => openPage(browser, server.origin, server.url + query);
const param = (page, name) => new URL(page.url()).searchParams.get(name);
const text = async (page, selector) => (await page.locator(selector).textContent()).trim();
const rows = (page) => page.locator('#trials tbody tr').count();
const waitForParam = (page, name, value) =>
  page.waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k) === v, [name, value]);
/** Plays the search to its end: its result shows. */
async function searched(page, timeout = 60_000) {
  await page.locator('#play').click();
  await page.locator('#result').waitFor({ timeout });
}

/** The mean of a trials-table row's "mean ± sd" cell. */
const meanOf = (cell) => Number.parseFloat(cell);

test('a search set up by keyboard runs to its budget, picks the lowest CV error and opens in the Regression lab', async () => {
  const { page, problems } = await open('?lab=tuning&x=degree&y=none&strategy=grid&budget=6&folds=3&n=30&seed=3');
  assert.match(await text(page, '#test-locked'), /the test set is not used to choose/);
  assert.match(await text(page, '#test-locked'), /1000 epochs from zero: a low degree reaches its minimum, a high one stops short of it, which holds it back as early stopping does\.$/);

  // Budget 6 → 8 with the arrow keys; the slider shows it and the link follows.
  const budget = page.getByLabel('Budget', { exact: true });
  await budget.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitForParam(page, 'budget', '8');
  assert.equal(await text(page, '#ctl-budget-value'), '8');

  // Strategy grid → random with the keyboard.
  const strategy = page.getByLabel('Strategy', { exact: true });
  await strategy.focus();
  await page.keyboard.press('ArrowDown');
  await waitForParam(page, 'strategy', 'random');

  await page.locator('#play').click();
  await page.waitForFunction(() => document.querySelectorAll('#trials tbody tr').length === 8, null, { timeout: 60_000 });
  await page.locator('#result').waitFor({ timeout: 60_000 });
  assert.equal(await rows(page), 8);
  assert.equal(await text(page, '#trials-done'), '8 / 8');
  assert.equal(await page.locator('#play').isDisabled(), true, 'the budget is spent');

  // What "sd" is, said under the table (a touch screen shows no tooltip).
  assert.match(await text(page, '#trials-sd'), /^sd: the sample standard deviation over the k folds \(divides by k − 1; scikit-learn's std_test_score divides by k\)\.$/);
  // The best is the lowest mean of the table, marked in it, and it is what the result names.
  const cells = await page.locator('#trials tbody td.cv').allTextContents();
  const means = cells.map(meanOf);
  const lowest = Math.min(...means);
  const bestRow = page.locator('#trials tbody tr.best');
  assert.equal(await bestRow.count(), 1);
  assert.equal(meanOf(await bestRow.locator('td.cv').textContent()), lowest);
  const degree = (await bestRow.locator('td.value').first().textContent()).trim();
  assert.equal(await text(page, '#best-values'), `Polynomial degree = ${degree}`);
  assert.equal(await text(page, '#chosen'), `Polynomial degree = ${degree}`);
  assert.ok(Number.isFinite(Number(await text(page, '#result-test'))), 'a test error');
  assert.ok(Number.isFinite(Number(await text(page, '#result-gap'))), 'a gap');
  assert.ok(Number.isFinite(Number(await text(page, '#result-optimism'))), 'fresh − test');
  // The fold strip shows the last trial's three folds, each with its error.
  assert.equal(await page.locator('#fold-strip .fold-row').count(), 3);
  assert.match(await text(page, '#fold-3-error'), /^[0-9.e-]+$/);

  // The link holds the whole setup.
  for (const [k, v] of [['lab', 'tuning'], ['budget', '8'], ['strategy', 'random'], ['x', 'degree'], ['y', 'none'],
    ['folds', '3'], ['n', '30'], ['seed', '3']]) {
    assert.equal(param(page, k), v, k);
  }
  const lambda = param(page, 'lambda');

  // "Open in the Regression lab": the chosen degree, the same λ and data; trained from zero
  // there, the model scored here is the one at epoch 1,000 (tuning_tests.rs checks it is).
  assert.match(await page.locator('#open-lab').locator('xpath=..').textContent(), /with exactly these settings\. There it trains from zero as you watch: the model scored here is the one at epoch 1,000\.$/);
  await page.locator('#open-lab').click();
  await waitForParam(page, 'lab', 'regression');
  await page.locator('#epoch').waitFor();
  assert.equal(param(page, 'degree'), degree);
  assert.equal(param(page, 'lambda'), lambda);
  assert.equal(param(page, 'reg'), 'l2');
  assert.equal(param(page, 'n'), '30');
  assert.equal(param(page, 'seed'), '3');
  assert.equal(await page.getByLabel('Polynomial degree', { exact: true }).inputValue(), String(Number(degree) - 1));
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('two trials that read the same CV error: the note says why only the first tried is the best', async () => {
  const { page, problems } = await open('?lab=tuning&model=knn&x=k&y=none&strategy=grid&budget=10&folds=5&n=100');
  await searched(page);
  const cv = (n) => text(page, `#trial-${n} td.cv`);
  // Once the search is over its best is the best, no longer "so far" (helper 83).
  assert.match(await cv(2), /\d best$/);
  assert.equal((await cv(2)).replace(/\s*best$/, ''), await cv(3));
  assert.equal(await page.locator('#trial-2.best').count(), 1);
  assert.equal(await text(page, '#trials-tie'),
    'Trial 3 has the same mean CV error as the best (trial 2): a tie goes to the first tried.');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('trees deeper than they grow tie, and the note says they are the same trees', async () => {
  // (Helper 82: depths 6, 10 and 15 read the same; the note said only that a tie goes to the first tried.)
  const { page, problems } = await open('?lab=tuning&model=tree&x=depth&y=none&speed=max');
  await searched(page);
  const note = await text(page, '#trials-tie');
  assert.match(note, /^Trials 3, 4, 7, 8, 9, 10, 11, 12 and 15 have the same mean CV error as the best \(trial 2\): a tie goes to the first tried\. Max depth is all they differ in\. Without a depth limit every fold's tree stops by depth 7 \(every leaf pure or unsplittable\), so from 7 up every Max depth grows the same trees: all of them but the best \(trial 2\), whose shallower limit stops its trees a level or more short; it still scores the same\.$/, note);
  // The table agrees: trial 2 is depth 6, the others 7 or more.
  const cells = async (n) => (await page.locator(`#trial-${n} > *`).allTextContents()).map((c) => c.trim());
  assert.deepEqual((await cells(2)).slice(0, 2), ['2', '6']);
  assert.deepEqual((await cells(3)).slice(0, 2), ['3', '10']);
  assert.equal(await page.locator('#trials-same').count(), 0, 'the tie note says it');
  // Selecting by the test score, depths 7 … 15 read the same below a best at depth 6 (helper 84).
  await page.goto(server.url + '?lab=tuning&model=tree&x=depth&y=none&strategy=grid&select=test&speed=max');
  await searched(page);
  assert.equal(await text(page, '#trials-same'), "Trials 7, 8, 9, 10, 11, 12, 13, 14 and 15 read the same because they are the same trees: Max depth is all they differ in, and without a depth limit the tree on all the training points stops at depth 7 (every leaf pure or unsplittable), so from 7 up every Max depth grows the same trees. A limit the trees never reach changes nothing.");
  const errors = await page.locator('#trials tbody td.cv').allTextContents();
  assert.equal(new Set(errors.slice(6).map((e) => e.trim())).size, 1, String(errors));
  assert.equal((await cells(6))[1], '6');
  assert.match((await cells(6))[2], /best$/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('k-NN on 40 moons: k = 3, 4 and 5 tie at error 0, and the note says the classes barely overlap', async () => {
  const { page, problems } = await open('?lab=tuning&model=knn&n=40&speed=max');
  await searched(page);
  const note = await text(page, '#trials-tie');
  assert.match(note, /^Trials \d+ and \d+ have the same mean CV error as the best \(trial 1\): a tie goes to the first tried\. /, note);
  assert.match(note, /At error 0 each of them gets every held-out point right.*With more Noise they overlap more, and the settings differ\.$/, note);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('the result says how far a 12-point test set strays by chance, and when this one strays over twice that', async () => {
  const { page, problems } = await open('?lab=tuning&model=tree&n=40&speed=max');
  await searched(page);
  const chance = await text(page, '#result-chance');
  const [, n, spread] = chance.match(/^A test set of (\d+) points strays from what the model really does by about ± ([\d.]+) by chance alone/);
  // The binomial standard error of an error rate on n points, from the fresh error (k of 2,000
  // wrong) at Agresti and Coull's rate (k + 2)/(2,000 + 4).
  const fresh = Number(await text(page, '#result-fresh'));
  const f = (Math.round(fresh * 2000) + 2) / 2004;
  assert.equal(Number(n), 12);
  assert.ok(Math.abs(Number(spread) - Math.sqrt(f * (1 - f) / 12)) < 1e-3, chance);
  const off = Math.abs(Number(await text(page, '#result-test')) - fresh);
  // Over twice what chance makes the test's and the fresh points' means stray apart.
  const apart = Math.hypot(Number(spread), Math.sqrt(f * (1 - f) / 2000));
  assert.ok(off > 2 * apart, chance);
  assert.match(chance, new RegExp(`This one strays from the fresh error by [\\d.]+, over twice the ± ${apart.toFixed(4).replace(/0+$/, '')} \\(one standard error\\) by which a mean over 12 test points and one over 2,000 fresh points stray apart by chance: the 12 points drawn for the test set happen to be hard ones for this model\\.`));
  // The fresh error's own spread: 2,000 points are a sample too (helper 83).
  assert.match(await text(page, '#result-fresh-line'), new RegExp(`\\(± ${Math.sqrt(f * (1 - f) / 2000).toFixed(4).replace(/0+$/, '')} by chance: 2,000 points are a sample too\\)`));
  // A split's threshold reads after its comparison (helper 81: "x₂ ≤ (yes: …) = 0.0422").
  assert.match(await text(page, '#result .weights'), /^node 0: x₂ ≤ 0\.0422 \(yes: leaf 1, no: leaf 2\), leaf 1: /);
  // The default polynomial search's test error is within chance: no such sentence.
  await page.goto(server.url + '?lab=tuning&speed=max');
  await searched(page);
  assert.doesNotMatch(await text(page, '#result-chance'), /over twice/);
  // "Fresh error − test error" says what its sign means (helper 84).
  const optimism = Number(await text(page, '#result-optimism'));
  assert.match(await text(page, 'p:has(> #result-optimism)'), optimism > 0 ? /above 0: the test error understated/ : /below 0: the test error overstated/);
  // Its best wins by 0.00007 against folds spread by ± 0.016 (helper 83): in effect a tie. And
  // the CV estimate's ± says what it is.
  assert.match(await text(page, '#trials-tie'), /lower: 0\.049167 against 0\.049241 \(trial \d+\)\. That is far below the folds' spread \(± [\d.]+\): in effect a tie\./);
  assert.match(await text(page, '#result ol li:first-child'), /cross-validated error [\d.]+ ± [\d.]+ \(mean ± sd over the folds\)\.$/);
  // The trials within one standard error of the best, as a reader finds them in the table: the
  // best's mean plus its sd over √5 (helper 84: 0.05 beside 0.0492 was left to look worse).
  const rows = await page.locator('#trials tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [tr.id.replace('trial-', ''), tr.classList.contains('best'), ...tr.querySelector('td.cv').textContent.match(/[\d.]+/g).map(Number)]));
  const [, , mean, sd] = rows.find((r) => r[1]);
  const close = rows.filter((r) => !r[1] && r[2] <= mean + sd / Math.sqrt(5)).map((r) => r[0]);
  assert.ok(close.length >= 2, String(close));
  const listed = `${close.slice(0, -1).join(', ')} and ${close.at(-1)}`;
  assert.equal(listed, '1, 3, 4, 9 and 10', 'as the README says');
  const near = await text(page, '#trials-near');
  // The rule's pick, worked out from the table: the simplest (a lower degree, a higher λ) of
  // the best and those close, where one is simplest along both (helper 88: the sentence never
  // said which, and read as if the trials listed were its picks).
  const values = Object.fromEntries(await page.locator('#trials tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [tr.id.replace('trial-', ''), [...tr.querySelectorAll('td.value')].map((td) => Number(td.textContent))])));
  const best = rows.find((r) => r[1])[0];
  const candidates = [best, ...close];
  const simpler = (a, b) => values[a][0] <= values[b][0] && values[a][1] >= values[b][1] && String(values[a]) !== String(values[b]);
  const simplest = candidates.filter((c) => !candidates.some((o) => simpler(o, c))).sort((a, b) => a - b);
  assert.deepEqual(simplest, ['1', '5'], JSON.stringify(values));
  assert.equal(near.replace(/\+ [\d.]+, which is [\d.]+ before rounding:/, '+ SE, which is CUT before rounding:'), `Trials ${listed} are within one standard error of the best (${mean} + SE, which is CUT before rounding: the best's folds' spread over √5). The folds cannot tell these from the best, and any of them may do as well on new points. The one-standard-error rule takes the simplest model within one standard error of the best, and here trials 1 and 5 trade one axis for another (no trial near the best is simpler than either on every axis): which counts as simplest is for you to choose.`);
  // Rounded, the best plus its standard error reads 0.0565, and a trial shown at 0.0565 is left
  // out: the sentence gives the cut itself (helper 98), as the sum before rounding (helper 100:
  // "0.0492 + 0.0073 = 0.056425" read as a sum that does not add up).
  const [, se, cut] = near.match(/\+ ([\d.]+), which is ([\d.]+) before rounding:/);
  assert.ok(Math.abs(Number(se) - sd / Math.sqrt(5)) < 1e-4, near);
  assert.ok(Math.abs(Number(cut) - mean - sd / Math.sqrt(5)) < 2e-4, near);
  assert.equal((mean + Number(se)).toFixed(4), '0.0565');
  assert.ok(rows.some((r) => !r[1] && !close.includes(r[0]) && r[2] === 0.0565 && r[2] > Number(cut)), JSON.stringify(rows));
  // A learning rate sets how far training gets in its fixed epochs, as early stopping does: the
  // rule takes the smallest rate near the best (helper 98; helper 88 had it set no flexibility).
  await page.goto(page.url().replace(/\?.*$/, '?lab=tuning&x=lr&y=none&strategy=grid&opt=sgd&speed=max'));
  await page.locator('#play').click();
  await page.waitForFunction(() => /^Done/.test(document.getElementById('time-left')?.textContent), null, { timeout: 120_000 });
  const rates = await page.locator('#trials tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    trial: tr.id.replace('trial-', ''), best: tr.classList.contains('best'),
    rate: Number(tr.querySelector('td.value').textContent), cv: (tr.querySelector('td.cv').textContent.match(/[\d.]+/g) ?? []).map(Number) })));
  const top = rates.find((r) => r.best);
  const nearRates = rates.filter((r) => r.best || (r.cv.length && r.cv[0] <= top.cv[0] + top.cv[1] / Math.sqrt(5)));
  const slowest = nearRates.reduce((a, b) => (b.rate < a.rate ? b : a));
  assert.ok(nearRates.length >= 2, JSON.stringify(rates));
  assert.deepEqual([slowest.trial, slowest.rate, top.rate], ['4', 0.001, 0.01], 'as the README says');
  assert.match(await text(page, '#trials-near'), new RegExp(`here trial ${slowest.trial} \\(Learning rate = [\\d.e-]+\\)\\.$`));
  // Boosting's shrinkage does set it, as on the lab's validation curve: of shrinkage 0.5 (the
  // best) and 1, tied, the smaller step is the simpler (the two once disagreed).
  await page.goto(page.url().replace(/\?.*$/, '?lab=tuning&model=boosting&x=shrinkage&y=none&speed=max'));
  await page.locator('#play').click();
  await page.waitForFunction(() => /^Done/.test(document.getElementById('time-left')?.textContent), null, { timeout: 120_000 });
  assert.equal(await text(page, '#trial-6 td.value'), '0.5');
  assert.match(await text(page, '#trials-near'), /rather than the lowest estimate, and here that is the best itself \(trial 6\): none near it is simpler\.$/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a pessimistic CV estimate is explained: the held-out points, then 28 more points to learn from', async () => {
  // (Helper 82: the default tree read CV 0.086 and erred 0.010 on fresh points; nothing said why.)
  const { page, problems } = await open('?lab=tuning&model=tree&speed=max');
  await searched(page);
  const note = await text(page, '#result-folds');
  const cv = Number((await text(page, '#result-cv')).split(' ± ')[0]);
  const fresh = Number((await text(page, '#result-fresh')));
  const shape = /^Why cross-validation read ([\d.]+) where the model errs ([\d.]+) on fresh points, in two steps\. First, its 5 fold models, each trained on 112 of the 140 training points, err ([\d.]+) on the fresh points on average, and ([\d.]+) more on their held-out points \(the 140 training points, each held out once\): under twice the ± ([\d.]+) \(one standard error\) by which a mean over 140 held-out points and one over 2,000 fresh points stray apart by chance\. Second, trained on all 140, the model errs [\d.]+: learning from 28 more points takes ([\d.]+) off \(the fold models alone range from [\d.]+ to [\d.]+\)\.$/;
  assert.match(note, shape);
  const [, read, errs, folds, off, spread, gain] = note.match(shape);
  assert.equal(Number(read), cv);
  assert.equal(Number(errs), fresh);
  assert.ok(Math.abs(Number(folds) - 0.0522) < 1e-9, note);
  // The fold models' 10,000 answers on the 2,000 fresh points, 522 wrong: the binomial standard
  // errors of a mean over 140 and over 2,000 points (Agresti–Coull), combined.
  const f = (522 + 2) / 10004;
  const apart = Math.hypot(Math.sqrt(f * (1 - f) / 140), Math.sqrt(f * (1 - f) / 2000));
  assert.ok(Math.abs(Number(spread) - apart) < 1e-3, note);
  assert.ok(Math.abs(Number(off) - (cv - Number(folds))) < 1e-3 && Number(off) < 2 * apart, note);
  assert.ok(Math.abs(Number(gain) - (Number(folds) - fresh)) < 1e-3, note);
  // The network's held-out points stray over twice that.
  await page.goto(server.url + '?lab=tuning&model=network&speed=max');
  await searched(page, 120_000);
  assert.match(await text(page, '#result-folds'), /more on their held-out points \(the 140 training points, each held out once\): over twice the ± [\d.]+ \(one standard error\) by which .* stray apart by chance, so the held-out points happen to be hard ones for these models\. Second/);
  // Selecting by the test score, there is no cross-validation to explain.
  await page.goto(server.url + '?lab=tuning&model=tree&speed=max&select=test');
  await searched(page);
  assert.equal(await page.locator('#result-folds').count(), 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('the lesson\'s search steps: a lower cross-validated error is not a better model, and the prompts\' numbers are the page\'s', async () => {
  // (Helper 88: "find a lower cross-validated error than the grid" read as a better model; the
  // grid's choice errs less on fresh points.)
  const read = async (step) => {
    const { page, problems } = await open(`?lesson=tuning&step=${step}&speed=max`);
    await searched(page);
    const got = { prompt: await text(page, '.bar-prompt'), cv: (await text(page, '#result-cv')).split(' ')[0], fresh: await text(page, '#result-fresh') };
    assert.deepEqual(problems.console, []);
    await page.close();
    return got;
  };
  const grid = await read(1);
  const random = await read(2);
  const bayes = await read(3);
  assert.ok(Number(bayes.cv) < Number(random.cv) && Number(random.cv) < Number(grid.cv), JSON.stringify([grid, random, bayes]));
  assert.ok(Number(grid.fresh) < Number(random.fresh) && Number(random.fresh) < Number(bayes.fresh), JSON.stringify([grid, random, bayes]));
  assert.ok(random.prompt.includes(`${random.cv} against ${grid.cv}. Lower, not better`), random.prompt);
  assert.ok(random.prompt.includes(`the grid's choice errs less, ${grid.fresh} against ${random.fresh}.`), random.prompt);
  assert.ok(bayes.prompt.includes(`the lowest estimate, ${bayes.cv}, and the choice that errs most on fresh points, ${bayes.fresh}`), bayes.prompt);
});

test('leave-one-out chooses a cubic that errs far more on fresh points, and the result says most of that lies beyond the training points', async () => {
  // (Helper 85: the Tuning lesson's leave-one-out step read CV 0.043 and fresh 0.17, unexplained.)
  const { page, problems } = await open('?lesson=tuning&step=4&speed=max');
  assert.match(await text(page, '.bar-prompt'), /no fold tests the model beyond the training points' range/);
  await searched(page);
  const fresh = Number(await text(page, '#result-fresh'));
  const note = await text(page, '#result-beyond');
  const [, outside, all, lo, hi, there, within, share] = note.match(
    /^Most of the fresh error lies beyond the training points: (\d+) of the ([\d,]+) fresh points fall outside their range \(x from (-?[\d.]+) to (-?[\d.]+)\), and there the model errs ([\d.]+) on average, against ([\d.]+) within it \((\d+) % of its fresh error\)\. No fold can show this: every held-out point is a training point, so none lies beyond that range\. That 22 % of the fresh points lie out there is this sample's luck: 28 points drawn uniformly at random over x from −1 to 1 leave 7 % of that range past their ends on average \(2 \/ 29\)\.$/) ?? assert.fail(note);
  const n = Number(all.replace(',', ''));
  // The README's figures.
  assert.deepEqual([outside, all, lo, hi, share], ['444', '2,000', '-0.92', '0.68', '79']);
  assert.match(await text(page, '#result-cv'), /^0\.0426 /);
  assert.equal(fresh.toFixed(2), '0.17');
  // The two parts make up the fresh error, and the share is theirs.
  const whole = (there * outside + within * (n - outside)) / n;
  assert.ok(Math.abs(whole - fresh) < 0.002, `${whole} vs ${fresh}`);
  assert.ok(Math.abs(100 * there * outside / n / whole - share) < 1.5, note);
  assert.ok(fresh > 3 * Number.parseFloat(await text(page, '#result-cv')), 'the choice errs far more than CV says');
  // Fresh x is uniform on [−1, 1]: the share beyond the range is about the range's complement.
  assert.ok(Math.abs(outside / n - (Number(lo) + 2 - Number(hi)) / 2) < 0.03, note);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a model on the plane searches 200 points, polynomial regression 40; a number set by hand stays', async () => {
  // (Helper 81: on 40 moons a one-split tree was the best tree by CV and missed 5 of 12 test points.)
  const { page, problems } = await open('?lab=tuning');
  assert.equal(param(page, 'n'), '40');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Decision tree' });
  await waitForParam(page, 'n', '200');
  assert.match(await text(page, '#test-locked'), /60 test points/);
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Polynomial regression' });
  await waitForParam(page, 'n', '40');
  await page.getByLabel('Number of points', { exact: true }).press('ArrowRight');
  await waitForParam(page, 'n', '50');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'k-nearest neighbours' });
  await waitForParam(page, 'model', 'knn');
  assert.equal(param(page, 'n'), '50');
  // The README: 40 set by hand on the plane becomes 200 after a trip through polynomial
  // regression (40 is its default).
  await page.getByLabel('Number of points', { exact: true }).press('ArrowLeft');
  await waitForParam(page, 'n', '40');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Polynomial regression' });
  await waitForParam(page, 'model', 'polynomial');
  assert.equal(param(page, 'n'), '40');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Decision tree' });
  await waitForParam(page, 'n', '200');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('Bayesian optimization on two axes: one trial per Step, the landscape fills in, Reset starts over', async () => {
  const { page, problems } = await open('?lab=tuning&strategy=bayes&budget=5&n=20&folds=2');
  assert.equal(param(page, 'x'), 'degree');
  assert.equal(param(page, 'y'), 'lambda');
  for (let n = 1; n <= 5; n++) {
    await page.locator('#step').click();
    await page.waitForFunction((k) => document.querySelectorAll('#trials tbody tr').length === k, n, { timeout: 30_000 });
  }
  await page.locator('#result').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#step').isDisabled(), true);
  await page.waitForFunction(() => document.getElementById('landscape-status').textContent.startsWith('Behind the trials'),
    null, { timeout: 120_000 });
  // The heat map's colour key, in words, with its range; and where its valley lies (helper 97:
  // the picture's shape never reached a screen reader).
  const [, low, high] = (await text(page, '#landscape-status')).match(/Deeper blue is lower: from ([0-9.e-]+) \(deepest\) to ([0-9.e-]+) \(palest\), on a log scale\./);
  assert.ok(Number(low) < Number(high), `${low} … ${high}`);
  const [, lowest] = (await text(page, '#landscape-status')).match(/ Its lowest, ([0-9.e-]+), is at Polynomial degree = \d+, Regularization strength = [0-9.e-]+( \(\d+ other settings? tie with it\))?\. /) ?? assert.fail(await text(page, '#landscape-status'));
  assert.equal(lowest, low, 'the deepest blue');
  // The expected improvement's panel has its key in words too, its deepest shade a figure.
  const [, top] = (await text(page, '#surrogate-note')).match(/White is 0; the deepest, ([0-9.e-]+), is the largest expected improvement: how much, on average, the surrogate expects a trial there to lower the best cross-validated error so far\./);
  assert.ok(Number(top) > 0 && Number(top) < Number(high), top);
  await page.locator('#reset').click();
  await page.waitForFunction(() => document.querySelectorAll('#trials tbody tr').length === 0);
  assert.equal(await page.locator('#result').count(), 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('Bayesian optimization on one axis says where its next trial goes, and it goes there', async () => {
  const { page, problems } = await open('?lab=tuning&strategy=bayes&y=none&budget=6&n=20&folds=2');
  const step = async (n) => {
    await page.locator('#step').click();
    await page.waitForFunction((k) => document.querySelectorAll('#trials tbody tr').length === k, n, { timeout: 30_000 });
  };
  // The first 3 trials are random: nothing is marked before they are done.
  for (let n = 1; n <= 2; n++) {
    await step(n);
    assert.equal(await page.locator('#next-trial').count(), 0, `after ${n} trials`);
  }
  await step(3);
  for (let n = 3; n <= 5; n++) {
    const said = await text(page, '#next-trial');
    const [, degree] = said.match(/^Next trial \(largest expected improvement\): Polynomial degree (\d+)\.$/);
    await step(n + 1);
    const tried = await text(page, `#trial-${n + 1} td.value`);
    assert.equal(tried, degree, `trial ${n + 1}`);
  }
  // The budget is spent: no next trial.
  assert.equal(await page.locator('#next-trial').count(), 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('selecting by the test score: the test points choose, and fresh points check the choice', async () => {
  const { page, problems } = await open('?lab=tuning&select=test&x=degree&y=none&strategy=grid&budget=15&n=30');
  assert.match(await text(page, '#test-unlocked'), /Selecting by the test score/);
  assert.equal(await page.locator('#fold-strip').count(), 0);
  // "the Folds control says it has no effect while the test score chooses"
  assert.match(await text(page, '#ctl-folds-inert'), /^No effect while selecting by the test score: no folds are cut/);
  await searched(page);
  const means = (await page.locator('#trials tbody td.cv').allTextContents()).map(meanOf);
  assert.equal(means.length, 15);
  // The reported test error is the lowest of the trials' test errors: the number that chose.
  assert.equal(Number(await text(page, '#result-test')), Math.min(...means));
  assert.ok(Number.isFinite(Number(await text(page, '#result-fresh'))), 'an error on fresh points');
  // One seed's luck is not the lesson: what choosing by the test spoils is the number.
  assert.match(await text(page, '#result-luck'), /^One search proves little: .* What it spoils is the number/);
  // The same row as selecting by cross-validation shows, to compare the two choices.
  const optimism = Number(await text(page, '#result-optimism'));
  assert.ok(Math.abs(optimism - (Number(await text(page, '#result-fresh')) - Number(await text(page, '#result-test')))) < 1e-3, `${optimism}`);
  assert.equal(await page.locator('#result-gap').count(), 0, 'no CV estimate to compare with');
  assert.equal(await page.locator('#trials-sd').count(), 0, 'no folds, no sd');
  assert.equal(param(page, 'select'), 'test');
  // Every error drawn is a test error, and the charts say so (not "cross-validated").
  assert.match(await page.locator('#best-chart').getAttribute('aria-label'), /^The lowest test error after each trial/);
  assert.match(await page.locator('#landscape-chart').getAttribute('aria-label'), /^The test error over/);
  await page.waitForFunction(() => /the same test scores, no new training/.test(document.getElementById('compare-status').textContent),
    null, { timeout: 120_000 });
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('the strategies\' comparison says where each ends and that none is clearly best on the default landscape', async () => {
  const { page, problems } = await open('?lab=tuning');
  await page.waitForFunction(() => /no strategy is clearly best/.test(document.getElementById('compare-status').textContent),
    null, { timeout: 120_000 });
  assert.match(await text(page, '#compare-status'), /After 16 trials the lowest error found is, as a mean over 10 seeds \(± their sd\): grid search 0\.0549, random search 0\.0491 \(± [^)]+\), Bayesian optimization 0\.0494 \(± [^)]+\)\. Random search and Bayesian optimization are within the means' standard errors of each other/);
  assert.deepEqual(problems.console, []);
  await page.close();
  // A space of 15 settings under a budget of 16: each strategy tries all 15, and every one ends
  // at the same error (helper 88 read "After 16 trials" beside "Done: 15 trials").
  const small = await open('?lab=tuning&strategy=bayes&x=degree&y=none');
  await small.page.waitForFunction(() => /Grid search, random search and Bayesian optimization end at the same error/.test(document.getElementById('compare-status')?.textContent),
    null, { timeout: 120_000 });
  assert.match(await text(small.page, '#compare-status'), /After 15 trials, every setting the space holds, the lowest error found is/);
  // A budget of 10 over two axes: the grid runs 3 × 3.
  await small.page.goto(small.page.url().replace(/\?.*$/, '?lab=tuning&budget=10'));
  await small.page.waitForFunction(() => /After 10 trials/.test(document.getElementById('compare-status')?.textContent),
    null, { timeout: 120_000 });
  assert.match(await text(small.page, '#compare-status'), /^.*After 10 trials \(grid search runs 9, the largest square grid within the budget\) the lowest error found is/);
  assert.deepEqual(small.problems.console, []);
  await small.page.close();
});

test('a perfect cross-validated error of 0 is drawn on the charts\' bottom edge, and the page says so', async () => {
  // k = 1 on these 40 points makes no mistake in any fold.
  const { page, problems } = await open('?lab=tuning&model=knn&x=k&y=none&strategy=grid&budget=5&n=40');
  await searched(page);
  assert.match(await text(page, '#trial-1 td.cv'), /^0 ± 0/);
  const note = 'An error of 0 is drawn on the bottom edge, labelled 0: a log scale has no zero.';
  assert.equal(await text(page, '#best-zero-note'), note);
  await page.waitForFunction(() => document.getElementById('landscape-status').textContent.startsWith('Behind the trials'),
    null, { timeout: 120_000 });
  assert.equal(await text(page, '#landscape-zero-note'), note);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('gradient boosting is searchable: trees × learning rate, error rates, and the result opens in the Classification lab', async () => {
  const { page, problems } = await open('?lab=tuning&strategy=grid&budget=4&folds=3&n=100');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Gradient boosting' });
  await waitForParam(page, 'model', 'boosting');
  // The axes offer the model's own hyperparameters: the classic surface by default.
  await waitForParam(page, 'x', 'trees');
  assert.equal(param(page, 'y'), 'shrinkage');
  const offered = await page.locator('#ctl-x option').allTextContents();
  assert.ok(!offered.includes('Polynomial degree'), offered.join(', '));
  assert.match(await text(page, '#test-locked'), /error rate/);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.getElementById('trials-done').textContent.trim() === '4 / 4', null, { timeout: 60_000 });
  await page.locator('#result').waitFor();
  const test = Number(await text(page, '#result-test'));
  assert.ok(test >= 0 && test <= 1, `an error rate: ${test}`);
  const link = await page.locator('#open-lab').getAttribute('href');
  assert.match(await text(page, '#open-lab'), /Classification lab/);
  // Boosting's lab grows all its trees: no epoch to name.
  assert.doesNotMatch(await page.locator('#open-lab').locator('xpath=..').textContent(), /scored here is the one at epoch/);
  const chosen = new URLSearchParams(link.slice(1));
  assert.equal(chosen.get('lab'), 'classification');
  assert.equal(chosen.get('model'), 'boosting');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('the network is searchable: learning rate × λ, its scikit-learn code, and the result opens in the Neural-network lab', async () => {
  const { page, problems } = await open('?lab=tuning&strategy=grid&budget=4&folds=3');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Neural network' });
  await waitForParam(page, 'model', 'network');
  await waitForParam(page, 'x', 'lr');
  assert.equal(param(page, 'y'), 'lambda');
  const offered = await page.locator('#ctl-y option').allTextContents();
  assert.ok(offered.some((o) => /neurons/i.test(o)), offered.join(', '));
  await page.locator('details summary').click();
  const code = await text(page, '#python-code');
  assert.match(code, /MLPClassifier\(hidden_layer_sizes=\(4, 2\)/);
  assert.match(code, /GridSearchCV/);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.locator('#result').waitFor({ timeout: 60_000 });
  assert.match(await text(page, '#open-lab'), /Neural-network lab/);
  const chosen = new URLSearchParams((await page.locator('#open-lab').getAttribute('href')).slice(1));
  assert.equal(chosen.get('lab'), 'neural');
  assert.equal(chosen.get('data'), 'moons');
  // The chosen learning rate and λ travel to the lab.
  const best = await text(page, '#best-values');
  const lr = /Learning rate = ([\d.e-]+)/.exec(best)[1];
  assert.equal(Number(chosen.get('lr')), Number(lr), `${best} → ${chosen}`);
  await page.locator('#open-lab').click();
  await waitForParam(page, 'lab', 'neural');
  // The link loads the page afresh: the address changes before the app has started.
  await page.locator('#network').waitFor();
  assert.equal(await page.locator('#network').count(), 1);
  assert.deepEqual(problems.console, []);
  await page.close();
});

/** The Tuning lab at `query` in a page that reports `cores` cores (0: the search worker's
 * script cannot load, so the page searches in its own frames). */
async function openWithCores(query, cores) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  if (cores > 0) {
    await page.addInitScript((n) =>
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), cores);
  } else {
    await page.route('**/search-worker.js', (route) => route.abort());
  }
  await page.goto(server.url + query);
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  return { page, problems };
}

/** Every cell of the trials table, row by row. */
const table = (page) => page.locator('#trials tbody tr').evaluateAll((rows) =>
  rows.map((r) => [...r.cells].map((c) => c.textContent.trim()).join(' | ')));

test('the search runs in one Web Worker per core but the page\'s, with the same trials and landscape whatever their number', async () => {
  const query = '?lab=tuning&model=tree&strategy=random&budget=10&folds=4&seed=12';
  const results = [];
  for (const cores of [1, 3, 0]) {
    const { page, problems } = await openWithCores(query, cores);
    // Workers start with the lab; none where their script does not load (the page searches).
    await page.waitForFunction(() => /^Behind the trials/.test(document.getElementById('landscape-status').textContent),
      null, { timeout: 120_000 });
    if (cores > 0) assert.equal(page.workers().length, Math.max(1, cores - 1), `${cores} core(s)`);
    await page.locator('#play').click();
    await page.waitForFunction(() => /^Done: 10 trials/.test(document.getElementById('time-left').textContent),
      null, { timeout: 120_000 });
    assert.equal(await page.locator('#search-progress').getAttribute('value'), '10');
    assert.equal(await page.locator('#cancel').count(), 0, 'no Cancel once done');
    results.push({ cores, trials: await table(page), chosen: await text(page, '#best-values'),
      test: await text(page, '#result-test') });
    assert.deepEqual(problems, []);
    await page.close();
  }
  assert.equal(results[0].trials.length, 10);
  for (const r of results.slice(1)) {
    assert.deepEqual(r, { ...results[0], cores: r.cores }, `${r.cores} core(s) against 1`);
  }
});

test('without workers, a search played and paused while the landscape is computed gives the workers\' trials and landscape', async () => {
  // (Helper 64: without workers, a trial completing the landscape cell in progress carried that
  // cell's half-done folds into the next one on Pause and Play.) A grid starts at the first cell.
  const query = '?lab=tuning&strategy=grid&budget=9&y=none&n=30&seed=3';
  const results = [];
  for (const cores of [0, 3]) {
    const { page, problems } = await openWithCores(query, cores);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Space');
      await page.waitForTimeout(60);
      await page.keyboard.press('Space');
    }
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /^Done: \d+ trials/.test(document.getElementById('time-left').textContent),
      null, { timeout: 120_000 });
    await page.waitForFunction(() => /After 9 trials/.test(document.getElementById('compare-status').textContent),
      null, { timeout: 120_000 });
    results.push({ trials: await table(page), landscape: await text(page, '#landscape-status'),
      compared: await text(page, '#compare-status') });
    assert.deepEqual(problems, []);
    await page.close();
  }
  assert.ok(results[0].trials.length >= 3);
  assert.deepEqual(results[0], results[1]);
});

test('the landscape names its lowest point: a grid over every degree finds it as its best', async () => {
  const { page, problems } = await open('?lab=tuning&x=degree&y=none&strategy=grid&budget=15&speed=max');
  await page.locator('#play').click();
  await page.waitForFunction(() => /^Done/.test(document.getElementById('time-left')?.textContent), null, { timeout: 120_000 });
  await page.waitForFunction(() => document.getElementById('landscape-status').textContent.startsWith('Behind the trials'), null, { timeout: 120_000 });
  const [, error, degree] = (await text(page, '#landscape-status')).match(/ Its lowest, ([\d.]+), is at Polynomial degree = (\d+)\./) ?? assert.fail(await text(page, '#landscape-status'));
  // The grid tried all 15 degrees: its best is the landscape's lowest.
  assert.equal(await page.locator('#trials tbody tr').count(), 15);
  const best = page.locator('#trials tbody tr.best');
  assert.equal(await best.locator('td.value').textContent(), degree);
  assert.match(await best.locator('td.cv').textContent(), new RegExp(`^${error.replace('.', '\\.')} ±`));
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('the progress bar counts trials with the time left; Cancel and a changed setting stop the search cleanly', async () => {
  // Bayesian optimization: one trial after another (each waits for the surrogate), 64 of them.
  const query = '?lab=tuning&model=boosting&strategy=bayes&budget=64&n=200&seed=4';
  const { page, problems } = await openWithCores(query, 2);
  assert.match(await text(page, '#time-left'), /^0 of 64 trials: press Play or Step/);
  await page.locator('#play').click();
  // (At its set Speed the time left is said from the start; here some trials are done.)
  await page.waitForFunction(() => /^[1-9]\d* of 64 trials; about \d+ s left/.test(document.getElementById('time-left').textContent),
    null, { timeout: 60_000 });
  const done = Number(await page.locator('#search-progress').getAttribute('value'));
  assert.ok(done >= 1 && done < 64, `${done} trials done`);
  // Cancel discards the trials, not the landscape; the lab is ready again.
  const landscape = async () => {
    const status = await text(page, '#landscape-status');
    return /^Behind the trials/.test(status) ? Infinity : Number(/: (\d+) of/.exec(status)[1]);
  };
  const cells = await landscape();
  await page.locator('#cancel').click();
  await page.waitForFunction(() => document.querySelectorAll('#trials tbody tr').length === 0);
  assert.ok(await landscape() >= cells, 'the landscape stays');
  assert.equal(await page.locator('#play').textContent(), 'Play');
  assert.equal(await page.locator('#cancel').count(), 0);
  // A setting changed while a search runs restarts it on the new setting: the result is the
  // one a fresh page of the new link gives (no result of the old setting leaks in).
  await page.locator('#play').click();
  await page.waitForFunction(() => document.querySelectorAll('#trials tbody tr').length >= 2);
  const folds = page.getByLabel('Folds', { exact: true });
  await folds.focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('folds') === '4');
  assert.equal(await page.locator('#play').textContent(), 'Pause', 'the search goes on, on 4 folds');
  await page.locator('#result').waitFor({ timeout: 120_000 });
  const changed = { trials: await table(page), test: await text(page, '#result-test') };
  assert.equal(changed.trials.length, 64);
  const link = new URL(page.url()).search;
  assert.deepEqual(problems, []);
  await page.close();

  const fresh = await openWithCores(link, 1);
  await fresh.page.locator('#play').click();
  await fresh.page.locator('#result').waitFor({ timeout: 120_000 });
  assert.deepEqual({ trials: await table(fresh.page), test: await text(fresh.page, '#result-test') }, changed);
  await fresh.page.close();
});

test('a budget raised after a search says that the settings it scored come back at once, and they do', async () => {
  const { page, problems } = await open('?lab=tuning&x=degree&y=none&strategy=random&budget=5&folds=3&n=30&seed=3');
  await page.locator('#play').click();
  await page.waitForFunction(() => /^Done: 5 trials/.test(document.getElementById('time-left').textContent), null, { timeout: 60_000 });
  const before = await page.locator('#trials tbody tr').allTextContents();
  await page.getByLabel('Budget', { exact: true }).press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('budget') === '6');
  // Once the landscape (all 15 degrees) is scored, the page says a trial there needs no training.
  await page.waitForFunction(() => /^0 of 6 trials: press Play or Step\. A trial at one of the 15 settings already scored \(the landscape's, a search's before\) needs no training\.$/
    .test(document.getElementById('time-left').textContent), null, { timeout: 60_000 });
  // The same seed draws the same first five settings: Step brings back the first as it was.
  await page.locator('#step').click();
  await page.waitForFunction(() => document.querySelectorAll('#trials tbody tr').length === 1);
  // (Its tag says "best so far" again: the search goes on.)
  const after = (await page.locator('#trials tbody tr').allTextContents())[0];
  assert.match(before[0], / best$/);
  assert.match(after, / best so far$/);
  assert.equal(after.replace(/ best so far$/, ''), before[0].replace(/ best$/, ''));
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('at Speed 1 a search is watched trial by trial, even where every setting is scored; End on Speed shows them as scored', async () => {
  // (Helper 79: 16 trials appeared in about 200 ms once the landscape had scored every setting.)
  const { page, problems } = await open('?lab=tuning&x=degree&y=none&strategy=grid&budget=15&folds=3&n=30&seed=3');
  await page.waitForFunction(() => /^Behind the trials/.test(document.getElementById('landscape-status').textContent),
    null, { timeout: 60_000 });
  assert.equal(await text(page, '#ctl-speed-value'), '1 trial / 0.2 s');
  assert.match(await text(page, '#ctl-speed-help'), /^How many trials are shown each fifth of a second: .* At max there is no pause/);
  // The trial count as it reads on each animation frame after Play, until the search is done.
  // (And the time left as it reads while playing.)
  const lefts = [];
  const watch = () => page.evaluate(() => new Promise((resolve) => {
    const seen = [], left = [];
    const look = () => {
      const now = document.getElementById('trials-done').textContent;
      const status = document.getElementById('time-left').textContent;
      if (seen.at(-1) !== now) seen.push(now);
      if (/trials; /.test(status) && left.at(-1) !== status) left.push(status);
      if (/^15 \//.test(now)) resolve([seen, left]); else requestAnimationFrame(look);
    };
    document.getElementById('play').click();
    look();
  })).then(([seen, left]) => { lefts.push(left); return seen; });
  const paced = await watch();
  assert.ok(paced.length >= 14, `every trial on screen in turn: ${paced}`);
  // (Helper 80: "timing the first trials…" for trials 1–3 though the pace is set: 15 × 0.2 s.)
  assert.match(lefts[0][0], /^[01] of 15 trials; about 3 s left\.$/, lefts[0].join(' | '));
  assert.ok(lefts[0].every((t) => /about \d+ s left/.test(t)), lefts[0].join(' | '));
  const trials = await page.locator('#trials tbody tr').allTextContents();
  // Reset; End on Speed (by keyboard): max, in the link; each trial is shown once scored.
  await page.locator('#reset').click();
  await page.getByLabel('Speed', { exact: true }).press('End');
  await waitForParam(page, 'speed', 'max');
  assert.equal(await text(page, '#ctl-speed-value'), 'max');
  const fast = await watch();
  assert.ok(fast.length <= 3, `all at once: ${fast}`);
  assert.deepEqual(await page.locator('#trials tbody tr').allTextContents(), trials, 'the same trials');
  assert.deepEqual(problems, { console: [], foreign: [] });
  await page.close();
});

test('leave-one-out says why its sd across the folds is larger than its mean', async () => {
  const { page, problems } = await open('?lab=tuning&x=degree&y=none&strategy=grid&budget=4&folds=all&n=30&seed=3');
  await page.locator('#step').click();
  await page.waitForFunction(() => document.querySelectorAll('#trials tbody tr').length === 1);
  const [mean, sd] = (await text(page, '#trials tbody td.cv')).split('±').map(Number.parseFloat);
  assert.ok(sd > mean, `${mean} ± ${sd}`);
  assert.match(await text(page, '#loo-note'), /^Leave-one-out: each fold holds out one point, so its error is that point's squared error alone\. The sd across the folds is large/);
  // Why its estimate differs from the fresh error speaks of all its fold models, whose fresh
  // error the first 10 measure (helper 88: "the first 10 of its 28 … and … less on their
  // held-out points", a mean over all 28).
  await page.locator('#play').click();
  await page.waitForFunction(() => /^Done/.test(document.getElementById('time-left').textContent), null, { timeout: 60_000 });
  assert.match(await text(page, '#result-folds'), /^Why cross-validation read [\d.]+ where the model errs [\d.]+ on fresh points, in two steps\. First, its (\d+) fold models, each trained on \d+ of the \1 training points, err [\d.]+ on the fresh points on average \(measured on the first 10: each learns from all the points but one, so a few tell as much as all\), and [\d.]+ (more|less) on their held-out points \(the \1 training points, each held out once\)/);
  // Two folds of many points each: no such note.
  await page.getByLabel('Folds', { exact: true }).press('Home');
  await waitForParam(page, 'folds', '2');
  assert.equal(await page.locator('#loo-note').count(), 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a grid smaller than the budget says that the square grid ran out, not the space', async () => {
  const { page, problems } = await open('?lab=tuning&strategy=grid&budget=12&folds=3&n=60');
  assert.match(await text(page, '#time-left'), /^0 of 9 trials: press Play or Step\. A grid of 3 values an axis is the largest whose 9 points fit the budget of 12: 9 distinct settings of the space's [\d,]+\. Random search or Bayesian optimization spends the whole budget\./);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('random search never tries a setting twice: a budget above the 15 degrees ends after 15 distinct trials, and the page says why', async () => {
  const { page, problems } = await open('?lab=tuning&x=degree&y=none&strategy=random&budget=20&folds=3&n=30&seed=3');
  assert.equal(param(page, 'budget'), '20');
  // Known before it runs: 15 trials planned, not the budget's 20, and why.
  assert.match(await text(page, '#time-left'), /^0 of 15 trials: press Play or Step\. The space has 15 distinct settings, each tried once: the budget allows 20\.( A trial at one of the \d+ settings already scored \(the landscape's, a search's before\) needs no training\.)?$/);
  assert.equal(await page.locator('#search-progress').getAttribute('max'), '15');
  await page.locator('#play').click();
  await page.waitForFunction(() => /^Done/.test(document.getElementById('time-left').textContent), null, { timeout: 60_000 });
  assert.equal(await rows(page), 15);
  const degrees = (await page.locator('#trials tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td.value').textContent.trim())));
  assert.equal(new Set(degrees).size, 15, `every degree once: ${degrees}`);
  assert.match(await text(page, '#time-left'), /^Done: 15 trials\. The space has 15 distinct settings, each tried once: the budget allows 20\.$/);
  assert.equal(await text(page, '#trials-done'), '15 / 15');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a λ axis without a penalty says its trials score alike', async () => {
  const { page, problems } = await open('?lab=tuning&reg=none');
  assert.match(await text(page, '#ctl-y-inert'), /^No effect while Regularization is None: every λ trains the same model/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('Data as CSV saves the searched points under the name the Python reads, as the Regression lab saves them', async () => {
  // (Helper 47 could check the Tuning lab's errors only by rebuilding its points in another lab;
  // the code used numpy stand-in points.)
  const { page, problems } = await open('?lab=tuning&n=50&seed=7');
  await page.locator('details summary').click();
  const file = /pd\.read_csv\("([^"]+)"\)/.exec(await text(page, '#python-code'))[1];
  assert.equal(file, 'paramlab-regression-seed7-data.csv');
  const save = async (p) => {
    const [d] = await Promise.all([p.waitForEvent('download'), p.locator('#data-csv').click()]);
    return [d.suggestedFilename(), readFileSync(await d.path(), 'utf8')];
  };
  const [name, csv] = await save(page);
  assert.equal(name, file);
  const rows = csv.trim().split('\n');
  assert.equal(rows[0], 'set,x,y');
  assert.equal(rows.length, 1 + 50);
  const lab = await open('?lab=regression&n=50&seed=7');
  assert.deepEqual(await save(lab.page), [name, csv]);
  assert.deepEqual([...problems.console, ...lab.problems.console], []);
  await page.close();
  await lab.page.close();
});

test('the best trial stays in view inside the trials box as trials come in, even when it is the last', async () => {
  // (Helper 79: the 16th trial was the best, and the box, scrolled to its top, showed only the
  // foot of its row.)
  const { page, problems } = await open('?lab=tuning&strategy=bayes&select=test');
  await page.locator('#play').click();
  await page.waitForFunction(() => document.querySelectorAll('#trials tbody tr').length === 16, null, { timeout: 120_000 });
  await page.locator('#result').waitFor({ timeout: 60_000 });
  const inBox = () => page.evaluate(() => {
    const box = document.querySelector('.trials-box').getBoundingClientRect();
    const row = document.querySelector('#trials tbody tr.best').getBoundingClientRect();
    return { overflows: document.querySelector('.trials-box').scrollHeight > box.height + 1,
      inside: row.top >= box.top - 0.5 && row.bottom <= box.bottom + 0.5 };
  });
  await page.waitForFunction(() => {
    const box = document.querySelector('.trials-box').getBoundingClientRect();
    const row = document.querySelector('#trials tbody tr.best').getBoundingClientRect();
    return row.top >= box.top - 0.5 && row.bottom <= box.bottom + 0.5;
  });
  const { overflows } = await inBox();
  assert.ok(overflows, 'the table is taller than its box here');
  assert.equal(await text(page, '#trials tbody tr.best td:first-child'), '16');
  assert.deepEqual(problems.console, []);
  await page.close();
});

// (Helper 94's walk through the searches of the Classification lab's models.)
test('a gradient-trained model says its fold models train 300 epochs from zero, where small values of λ tie', async () => {
  const { page, problems } = await open('?lab=tuning&model=logistic&strategy=bayes&x=lambda&y=none&budget=10&reg=l2');
  assert.match(await text(page, '#test-locked'), /each fold's model trains 300 epochs from zero, as its lab's validation curve does: at a small learning rate that stops short of the minimum, .* so small values of λ can tie\./);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.getElementById('trials-done').textContent.trim() === '10 / 10', null, { timeout: 60_000 });
  // The tie the note explains: several values of λ, one cross-validated error.
  const cells = await page.locator('#trials tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[1].textContent, r.cells[2].textContent.replace(/\s*best$/, '').trim()]));
  const lambdas = new Set(cells.filter(([, cv]) => cv === cells[0][1]).map(([l]) => l));
  assert.ok(lambdas.size >= 3, JSON.stringify(cells));
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('Bayesian optimization says when its surrogate expects next to no improvement anywhere', async () => {
  // (Helper 94: four k-NN trials whose errors rise in a line from k = 1: the surrogate is sure,
  // and its pick, k = 50, came from an expected improvement of about 10⁻¹⁷.)
  const { page, problems } = await open('?lab=tuning&model=knn&strategy=bayes&budget=8');
  for (let i = 1; i <= 4; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction((i) => document.getElementById('trials-done').textContent.trim() === `${i} / 8`, i);
  }
  await page.locator('#next-trial').waitFor();
  assert.match(await text(page, '#next-trial'), /^Next trial \(largest expected improvement\): k \d+\. The surrogate expects next to no improvement anywhere \(at most [\d.e-]+\): fitted to 4 trials, it is sure the best so far is about the best there is, and may be wrong; its pick among such tiny values says little\.$/);
  // One more trial where it still expects some: no such words.
  const roomy = await open('?lab=tuning&strategy=bayes&budget=8');
  for (let i = 1; i <= 3; i++) {
    await roomy.page.getByRole('button', { name: 'Step', exact: true }).click();
    await roomy.page.waitForFunction((i) => document.getElementById('trials-done').textContent.trim() === `${i} / 8`, i);
  }
  await roomy.page.locator('#next-trial').waitFor();
  assert.doesNotMatch(await text(roomy.page, '#next-trial'), /next to no improvement/);
  assert.deepEqual([...problems.console, ...roomy.problems.console], []);
  await roomy.page.close();
  await page.close();
});

test('selecting by the test score: a choice that happens to do better on fresh points than its test error is told so, beside the rule on average', async () => {
  const { page, problems } = await open('?lab=tuning&model=tree&x=depth&y=none&select=test&strategy=grid&budget=15');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.locator('#result-luck').waitFor({ timeout: 60_000 });
  assert.ok(Number(await text(page, '#result-optimism')) < 0);
  assert.match(await text(page, '#result-luck'), /by luck, as this one does, better than its test error said\. What it spoils is the number: picked for being the lowest, the test error understates what the model does, on average over searches\./);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a search whose every trial diverges chooses nothing, and each panel says why', async () => {
  const { page, problems } = await open('?lab=tuning&x=degree&y=lambda&opt=sgd&lr=10&speed=max&budget=8');
  await searched(page);
  assert.equal(await text(page, '#result-title'), 'Nothing to choose');
  assert.match(await text(page, '#all-diverged'), /^Every trial diverged: .*lower it \(or switch to Adam\) and search again\.$/);
  assert.match(await text(page, '#trials-diverged'), /^Diverged: trials 1, 2, .* so they have no error and can never be chosen\.$/);
  // The best-so-far chart has no line to draw, and says why (helper 109: empty axes, no word).
  assert.match(await text(page, '#best-no-line'), /^No line for this search.*: every trial so far diverged, and a trial that diverged has no error to be the best\.$/);
  assert.deepEqual(problems.console, []);
  await page.close();
});
