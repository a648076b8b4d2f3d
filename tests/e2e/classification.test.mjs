// End-to-end tests of the Classification lab in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { serveDist, launch, openPage, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (query = '', viewport) => openPage(browser, server.origin, server.url + '?lab=classification' + query, viewport);
const param = (page, name) => new URL(page.url()).searchParams.get(name);
const text = async (page, selector) => (await page.locator(selector).textContent()).trim();
const mapPixels = (page) => page.evaluate(() => document.getElementById('region-map').toDataURL());
const percent = async (page, id) => parseFloat(await text(page, id));

test('k-NN: k = 1 fits every training point and overfits noisy moons; k moves by keyboard', async () => {
  const { page, problems } = await open('&model=knn&k=1&data=moons&noise=0.6');
  assert.equal(await text(page, '#train-acc'), '100.0 %');
  assert.ok(await percent(page, '#test-acc') < 92, 'a visible train/test gap');
  assert.match(await text(page, '#diagnosis'), /^Overfitting/);
  assert.match(await text(page, '#learned'), /k-NN learns no parameters/);
  const before = await mapPixels(page);
  await page.getByLabel('k', { exact: true }).focus();
  for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('k') === '15');
  assert.notEqual(await mapPixels(page), before, 'the decision map repaints');
  assert.ok(await percent(page, '#train-acc') < 100);
  await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'knn.png'), fullPage: true });
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await page.close();
});

test('k-NN: a log-loss at its least value reads 0, not the clip\'s 2.22e-16', async () => {
  // Every test point's neighbours all vote for its class: probability 1, clipped to 1 − ε.
  const { page } = await open('&model=knn');
  assert.equal(await text(page, '#test-acc'), '100.0 %');
  assert.equal(await text(page, '#test-loss'), '0');
  assert.equal(await text(page, '#train-loss'), '0.0143');
  await page.close();
});

test('k-NN: focusing the plot rings the k nearest neighbours of the cross and says who they are', async () => {
  const { page } = await open('&model=knn&k=5&data=moons');
  const points = () => page.evaluate(() => document.getElementById('region-chart').toDataURL());
  const [map0, points0] = [await mapPixels(page), await points()];
  assert.equal(await text(page, '#neighbours'), '');
  await page.locator('#region-chart').focus();
  const said = /^The 5 nearest training points to \(x₁ (\S+), x₂ (\S+)\): (.*); the vote goes to (blue|orange)\.$/;
  await page.waitForFunction(() => document.getElementById('neighbours').textContent !== '');
  let m = (await text(page, '#neighbours')).match(said);
  assert.ok(m, await text(page, '#neighbours'));
  assert.deepEqual([m[1], m[2]], ['0', '0']);
  const votes = [...m[3].matchAll(/(\d+) (blue|orange)/g)].reduce((sum, v) => sum + Number(v[1]), 0);
  assert.equal(votes, 5, m[3]);
  const most = [...m[3].matchAll(/(\d+) (blue|orange)/g)].sort((a, b) => b[1] - a[1])[0][2];
  assert.equal(m[4], most, 'five uniform votes: the majority wins');
  assert.notEqual(await points(), points0, 'the rings and the cross are drawn');
  assert.equal(await mapPixels(page), map0, 'the map itself is unchanged');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /x₁ 0\.05/.test(document.getElementById('neighbours').textContent));
  await page.locator('#ctl-k').focus();
  await page.waitForFunction(() => document.getElementById('neighbours').textContent === '');
  await page.close();
});

test('the map in words: a hidden table of what the model predicts at 7 × 7 points, ties said as ties', async () => {
  // (Helper 97: the map's only text said what its colours mean, never the boundary's shape.)
  const { page, problems } = await open('&model=logistic&data=circles');
  const table = () => page.evaluate(() => [...document.querySelectorAll('#map-table tbody tr')]
    .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
  assert.match(await text(page, '#map-table caption'), /^The map in words, at 7 × 7 points of the plane \(x₂ from top to bottom, x₁ from left to right\): the class the model predicts and its probability there\.$/);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#map-table thead th')].map((c) => c.textContent)),
    ['x₂ \\ x₁', '-1.2', '-0.8', '-0.4', '0', '0.4', '0.8', '1.2']);
  assert.equal(await page.locator('#map-table').getAttribute('aria-live'), null, 'not live: training does not flood a reader');
  // Epoch 0, every weight 0: a tie everywhere.
  assert.deepEqual([...new Set((await table()).flat())], ['tie']);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= 400);
  // Playing, it waits for a pause (49 predictions a frame that nobody reads).
  assert.match(await text(page, '#map-table caption'), /: filled in when training pauses\.$/);
  assert.deepEqual(await table(), []);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#map-table tbody tr').length === 7);
  const cells = await table();
  assert.equal(cells.length, 7);
  const cls = (c) => c.split(' ')[0];
  // Circles: the ring's inside is one class, the corners the other.
  const [centre, corners] = [cls(cells[3][3]), [cells[0][0], cells[0][6], cells[6][0], cells[6][6]].map(cls)];
  assert.ok(['blue', 'orange'].includes(centre), cells[3][3]);
  assert.deepEqual([...new Set(corners)], [centre === 'blue' ? 'orange' : 'blue'], JSON.stringify(cells));
  // The centre cell says what the keyboard's cross says at (0, 0).
  await page.locator('#region-chart').focus();
  await page.waitForFunction(() => /^At \(x₁ 0, x₂ 0\)/.test(document.getElementById('votes').textContent));
  const [, said, sure] = (await text(page, '#votes')).match(/the model predicts (\w+) \(([\d.]+) %\)/);
  // (Rounded each its own way: the cell to a whole percent, the sentence to a tenth; a pause
  // that lands where the tenth reads 76.5 made the cell 76 % and Math.round 77.)
  const [cellClass, cellPercent] = cells[3][3].split(' ');
  assert.equal(cellClass, said, cells[3][3]);
  assert.ok(Math.abs(Number(cellPercent) - Number(sure)) <= 0.55, `${cells[3][3]} against ${sure} %`);
  // A number to predict: the table holds numbers.
  await page.goto(server.url + '?lab=neural&data=plane');
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  assert.match(await text(page, '#map-table caption'), /^The map in words, at 7 × 7 points of the plane .*: the number the network predicts there\.$/);
  assert.ok((await table()).flat().every((c) => Number.isFinite(Number(c))), JSON.stringify(await table()));
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('k-NN: a tied vote is said as a tie, with the class the lab scores it as', async () => {
  // (Ties went to the first class unsaid: "the vote goes to blue" for one blue and one orange.)
  const { page } = await open('&model=knn&k=2&data=moons');
  await page.locator('#region-chart').focus();
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => /x₂ 0\.05/.test(document.getElementById('neighbours').textContent));
  assert.equal(await text(page, '#neighbours'),
    'The 2 nearest training points to (x₁ 0, x₂ 0.05): 1 blue, 1 orange; the vote ties between blue and orange (scored as blue).');
  await page.close();
});

test('decision tree: depth 1 underfits circles; the learned rules are shown; depth grows by steps', async () => {
  const { page } = await open('&model=tree&depth=1&data=circles');
  assert.match(await text(page, '#ctl-speed-help'), /^How many levels grow each half second: .* At max there is no pause/);
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '1');
  assert.match(await text(page, '#diagnosis'), /^Underfitting/);
  assert.match(await text(page, '#learned'), /x[₁₂] ≤ -?[0-9.]+\?.*samples.*gini/s);
  await page.getByLabel('Max depth', { exact: true }).focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('depth') === '15');
  // Grown one level of fifteen, the tree is still growing: no verdict on it yet.
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => /^Still training/.test(document.getElementById('diagnosis').textContent));
  assert.match(await text(page, '#diagnosis'), /the model is still growing/);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '4');
  assert.doesNotMatch(await text(page, '#diagnosis'), /^Underfitting/);
  await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'tree.png'), fullPage: true });
  await page.close();
});

test('a deep tree\'s rules wider than their panel scroll sideways behind an edge shadow, not cut off', async () => {
  const { page, problems } = await open('&model=tree&depth=12&leaf=1&data=moons&noise=0.4&speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Overfitting/.test(document.getElementById('diagnosis')?.textContent ?? ''));
  const rules = page.locator('#learned .tree-rules');
  const wide = await rules.evaluate((e) => e.scrollWidth - e.clientWidth);
  const style = await rules.evaluate((e) => [getComputedStyle(e).backgroundImage, getComputedStyle(e).backgroundAttachment]);
  assert.ok(wide > 0, 'the deepest rules are wider than the panel');
  assert.equal((style[0].match(/linear-gradient/g) ?? []).length, 2, style[0]);
  assert.equal(style[1], 'local, scroll', 'the cover moves with the rules, the shadow stays at the edge');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('at 1280×800 a depth-6 tree\'s rules fit their panel, each answer on its rule\'s line, and the box ends on screen', async () => {
  const { page, problems } = await open('&model=tree&depth=6&leaf=1&data=moons&noise=0.4&speed=max', { width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /depth 6\./.test(document.getElementById('learned')?.textContent ?? ''));
  const rules = page.locator('#learned .tree-rules');
  const [wide, bottom] = await rules.evaluate((e) => [e.scrollWidth - e.clientWidth, e.getBoundingClientRect().bottom]);
  assert.equal(wide, 0, 'no sideways scroll');
  assert.ok(bottom <= 800, `the box ends at ${bottom}`);
  assert.match(await rules.innerText(), /\n\s*yes → x[₁₂] ≤ -?[0-9.]+\? \d+ samples/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('README: a gap with no noise learned whose curve finds no depth clearly better reads too few training points, not "less flexible"', async () => {
  // (Helper 91: a depth-2 tree at the rule's own 89 % read "Make it less flexible" where depth 1
  // is clearly worse on the curve.)
  const { page, problems } = await open('&model=tree&data=moons&noise=0.4&depth=2&criterion=entropy&speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Overfitting: too few training points \(a close call\).*has not learned its training points' noise.*Add data\. On the validation curve Max depth = 2 has a cross-validated error of 12\.9 %, within one standard error of its lowest \(12\.1 % at Max depth = 3\)/s
    .test(document.getElementById('diagnosis')?.textContent ?? ''), null, { timeout: 60_000 });
  assert.doesNotMatch(await page.locator('#diagnosis').textContent(), /less flexible/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('README: boosting whose log-loss climbs past the guess reads a learning rate too high, and a lower one cures it', async () => {
  // (Helper 90: 50 % right at a training log-loss of 18 read "too simple … deeper trees".)
  const base = '&model=boosting&trees=200&depth=3&data=moons&noise=0.5&speed=max&subsample=0.1';
  const { page, problems } = await open(base + '&shrinkage=1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Learning rate too high.*Its training log-loss fell to 0\.5066 after 2 trees, then rose to 18\.0218, above always answering the class shares: the trees' steps overshoot\..*Lower the learning rate/s
    .test(document.getElementById('diagnosis')?.textContent ?? ''), null, { timeout: 60_000 });
  assert.equal(await text(page, '#train-acc'), '50.0 %');
  await page.close();
  const cured = await open(base + '&shrinkage=0.1');
  await cured.page.getByRole('button', { name: 'Play' }).click();
  await cured.page.waitForFunction(() => /^(Good fit|Overfitting|Underfitting)/.test(document.getElementById('diagnosis')?.textContent ?? ''), null, { timeout: 60_000 });
  assert.ok(Number((await text(cured.page, '#train-loss')).replace(/,/g, '')) < 0.5);
  assert.deepEqual([...problems.console, ...cured.problems.console], []);
  await cured.page.close();
});

test('README: a close call by the training accuracy the curve settles reads overfitting, with the one-standard-error rule\'s pick; a curve against the remedy begins "Yet"', async () => {
  // (Helper 92: k = 3 kept "Good fit (a close call)" beside a curve clearly lower at k = 11, and a
  // depth-2 tree read "a larger max depth" then "the curve does clearly better at Min samples per
  // leaf = 32" with no word that the two disagree.)
  const knn = await open('&model=knn&data=moons&noise=0.4&k=3&curve=k');
  await knn.page.waitForFunction(() => /^Overfitting: too flexible.*on its scores alone it is a close call with a good fit, but the validation curve.*clearly better at k = 11/s
    .test(document.getElementById('diagnosis')?.textContent ?? ''), null, { timeout: 60_000 });
  assert.doesNotMatch(await text(knn.page, '#diagnosis'), /\(a close call\)/);
  // The lowest is not the one-standard-error rule's choice: that is a larger k, smoother.
  const rule = (await text(knn.page, '#diagnosis')).match(/The one-standard-error rule picks k = (\d+) instead \((also )?[\d.]+ %\): the least flexible value within one standard error of the lowest, as good by these folds\./);
  assert.ok(rule && Number(rule[1]) > 11, await text(knn.page, '#diagnosis'));
  await knn.page.close();
  const tree = await open('&model=tree&data=xor&noise=0.5&depth=2&curve=leaf&speed=max');
  await tree.page.getByRole('button', { name: 'Play' }).click();
  await tree.page.waitForFunction(() => /^Underfitting: too simple.*Give it more flexibility: a larger max depth\. Yet the validation curve does better at Min samples per leaf = 32/s
    .test(document.getElementById('diagnosis')?.textContent ?? ''), null, { timeout: 60_000 });
  assert.deepEqual([...knn.problems.console, ...tree.problems.console], []);
  await tree.page.close();
});

test('a close call the validation curve settles: boosting 200 stumps at a learning rate of 1 overfits, the curve lower at 10 trees by more than one standard error, not "clearly"', async () => {
  // (Helper 89: "Good fit (a close call)" at 100 % on its training points, beside the curve.)
  const { page, problems } = await open('&model=boosting&data=moons&noise=0.5&n=300&depth=1&shrinkage=1&trees=200&speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Overfitting: too flexible.*far above that rule on its own training points, 100 % against 88 % \(it has learned some of their noise\), and on the test points alone it is a close call with a good fit, but the validation curve, which averages folds of the training points and is the better judge, does better with less flexibility.*The validation curve does better at Number of trees = 10: a cross-validated error of 15\.2 %, against 18\.6 % at Number of trees = 200/s
    .test(document.getElementById('diagnosis')?.textContent ?? ''), null, { timeout: 120_000 });
  assert.doesNotMatch(await page.locator('#diagnosis').textContent(), /Good fit|A close call, though/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('logistic regression trains with play, shows its weights and the boundary line', async () => {
  const { page } = await open('&model=logistic&features=1&data=blobs&lr=0.1&speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= 300, null, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  const number = '-?[0-9.]+(e-?[0-9]+)?'; // short() writes very small or large numbers as 1.2e-4
  assert.match(await text(page, '#boundary'), new RegExp(`^Boundary: x₂ = ${number}·x₁ [+−] ${number}$`));
  assert.equal(await page.locator('#weights tbody tr').count(), 3); // 1, x₁, x₂
  assert.deepEqual(await page.locator('#weights tbody th').allTextContents(), ['1 (intercept)', 'x₁', 'x₂']);
  // Two classes: the columns mirror each other, and the page says why.
  for (const row of await page.locator('#weights tbody tr').all()) {
    const [blue, orange] = (await row.locator('td.num').allTextContents()).map((t) => t.replace('−', '-'));
    assert.equal(blue.replace(/^-/, ''), orange.replace(/^-/, ''), 'same size');
    assert.notEqual(blue.startsWith('-'), orange.startsWith('-'), 'opposite signs');
  }
  assert.match(await text(page, '#mirrored'), /^With two classes only the difference of the two scores matters/);
  assert.ok(await percent(page, '#test-acc') > 85);
  // Squares and product: six features, and the boundary is no longer a line.
  await page.getByLabel('Features', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelectorAll('#weights tbody tr').length === 6);
  assert.equal(await page.locator('#boundary').count(), 0);
  await page.close();
});

test('clicking adds hand-placed points, Shift+click or the eraser removes one, and the link keeps them', async () => {
  const { page, problems } = await open('&model=knn&data=custom');
  const plane = page.locator('#region-chart');
  const box = await plane.boundingBox();
  await plane.click({ position: { x: box.width * 0.3, y: box.height * 0.3 } });
  await page.getByLabel('A click on the plot', { exact: true }).selectOption({ label: 'adds an orange point' });
  await plane.click({ position: { x: box.width * 0.7, y: box.height * 0.7 } });
  await plane.click({ position: { x: box.width * 0.75, y: box.height * 0.4 } });
  await page.waitForFunction(() => (new URL(location.href).searchParams.get('pts') ?? '').split(';').length === 3);
  const pts = param(page, 'pts').split(';').map((p) => p.split(',').map(Number));
  assert.equal(pts[0][2], 0);
  assert.equal(pts[1][2], 1);
  assert.ok(pts[0][0] < 0 && pts[0][1] > 0, `first point top-left: ${pts[0]}`);
  await plane.click({ position: { x: box.width * 0.76, y: box.height * 0.41 }, modifiers: ['Shift'] });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pts').split(';').length === 2);
  // A touch screen has no Shift: the picker under the plot turns a click (a tap) into an eraser.
  const picker = await page.getByLabel('A click on the plot', { exact: true }).boundingBox();
  assert.ok(picker.y > box.y + box.height && picker.y < box.y + box.height + 200, `the picker right under the plot: ${JSON.stringify(picker)}`);
  await page.getByLabel('A click on the plot', { exact: true }).selectOption({ label: 'removes the nearest point' });
  await plane.click({ position: { x: box.width * 0.31, y: box.height * 0.29 } });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pts').split(';').length === 1);
  assert.equal(param(page, 'pts').split(',')[2], '1', 'the blue point went, the orange one stays');
  const link = page.url();
  const again = await openPage(browser, server.origin, link);
  assert.equal(param(again.page, 'pts'), param(page, 'pts'));
  assert.match(await again.page.locator('.point-tools').textContent(), /1 point\b/);
  assert.deepEqual(problems.console, []);
  await again.page.close();
  await page.close();
});

test('every setting survives a reload, and the labs link to each other', async () => {
  const { page } = await open('&model=tree');
  await page.getByLabel('Criterion', { exact: true }).selectOption({ label: 'Entropy' });
  await page.getByLabel('Min samples per leaf', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('leaf') === '2');
  const again = await openPage(browser, server.origin, page.url());
  assert.equal(await again.page.getByLabel('Criterion', { exact: true }).inputValue(), '1');
  assert.equal(await text(again.page, '#ctl-leaf-value'), '2');
  await again.page.getByRole('link', { name: 'Regression lab' }).click();
  await again.page.getByLabel('Polynomial degree', { exact: true }).waitFor();
  assert.equal(param(again.page, 'lab'), 'regression');
  await again.page.getByRole('link', { name: 'Classification lab' }).click();
  await again.page.getByLabel('Model', { exact: true }).waitFor();
  await again.page.close();
  await page.close();
});

test('the k validation curve covers k = 1 … 50 on 500 points, computed across frames', async () => {
  const { page, problems } = await open('&model=knn&data=moons&noise=0.5&n=500');
  await page.waitForFunction(() => /^50 values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 30_000 });
  assert.equal(await page.getByLabel('Validation curve for', { exact: true }).inputValue(), '0');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Decision tree' });
  await page.waitForFunction(() => /^15 values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 30_000 });
  await page.locator('#validation-chart').scrollIntoViewIfNeeded();
  await page.locator('#validation-chart[data-drawn-at]').waitFor();
  await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'validation-tree.png'), fullPage: true });
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a curve whose training error rises toward more features says it is the epochs, not flexibility', async () => {
  // Helper 110: on the default circles logistic regression's curve over Features rose from
  // 1.4 % to 4.5 % training error, against the lesson's "training error falls with every degree".
  const { page, problems } = await open('&model=logistic&curve=features');
  await page.waitForFunction(() => /^8 values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 60_000 });
  assert.match(await text(page, '#validation-outrun'),
    /^The curve's training error rises toward the larger models, from [\d.]+ % at Features = \d to [\d.]+ % at Features = 8: each point trained only 300 epochs, .* the rise is training time, not flexibility\.$/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('distance-weighted k-NN: its 100 % training accuracy is called meaningless, and a k beyond the curve is said to be', async () => {
  const { page, problems } = await open('&model=knn&k=140&weight=distance&data=moons&noise=0.6');
  assert.equal(await text(page, '#train-acc'), '100.0 %');
  await page.waitForFunction(() => /\(leave-one-out\): \d+ %\.\)$/.test(document.getElementById('diagnosis').textContent));
  assert.doesNotMatch(await text(page, '#diagnosis'), /^Overfitting/);
  await page.waitForFunction(() => /values computed\..*The current value, 140, is beyond the curve, which stops at 50\./
    .test(document.getElementById('validation-status').textContent), null, { timeout: 30_000 });
  // Distance weights: the votes differ from place to place, so no "every point votes" note.
  assert.equal(await page.locator('#ctl-k-inert').count(), 0);
  // Uniform votes at k = 140 of 140: one class everywhere, pale, and the note says why
  // (helper 80 read the near-neutral map as "nothing").
  await page.getByLabel('Weighting', { exact: true }).selectOption({ label: 'Uniform' });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('weight') === 'uniform');
  assert.match(await text(page, '#ctl-k-inert'),
    /^Every training point votes everywhere \(k = 140 of 140\): the whole plot gets the majority's class, (blue|orange), pale because only 5\d % of the votes are \1\.$/);
  // The README's link and words.
  await page.goto(server.url + '?lab=classification&model=knn&k=140&data=moons');
  assert.match(await text(page, '#ctl-k-inert'), /pale because only 54 % of the votes are orange\.$/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('points can be placed and removed with the keyboard alone', async () => {
  const { page, problems } = await open('&model=knn&data=custom');
  const plane = page.getByRole('img', { name: /Decision map/ });
  await plane.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pts') === '0.20,0.05,0');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pts') === '0.20,0.05,0;0.00,0.05,0');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pts') === '0.20,0.05,0');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('more hand-placed points than a link carries are kept in the browser, with a notice', async () => {
  const sixty = Array.from({ length: 60 }, (_, i) => `${(-0.9 + 0.03 * i).toFixed(2)},${(0.1 * (i % 5)).toFixed(2)},${i % 2}`).join(';');
  const { page, problems } = await open(`&model=knn&data=custom&pts=${encodeURIComponent(sixty)}`);
  assert.equal(param(page, 'pts').split(';').length, 60);
  const plane = page.locator('#region-chart');
  const box = await plane.boundingBox();
  await plane.click({ position: { x: box.width * 0.8, y: box.height * 0.8 } });
  await page.locator('#points-notice').waitFor();
  assert.match(await text(page, '#points-notice'), /no longer carries them; they are kept in this browser/);
  assert.equal(param(page, 'pts'), null);
  const link = page.url();
  // Opening the link again in the same browser brings them back from storage.
  await page.goto(page.url());
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  assert.match(await page.getByRole('status', { name: 'Link notices' }).innerText(), /Restored your 61 hand-placed points/);
  assert.match(await page.locator('.point-tools').textContent(), /61 points/);
  // Another browser (a fresh one) has none of them: the point tools say why (helper 87: an
  // empty plot, and nothing said), and the footer promises the link holds points only up to 60.
  const elsewhere = await openPage(browser, server.origin, link);
  assert.match(await text(elsewhere.page, '.point-tools'), /0 points\..*A link holds at most 60 hand-placed points; more stay in the browser that placed them, so a link made with more opens empty elsewhere\./);
  assert.match(await text(elsewhere.page, 'footer'), /every setting and the seed \(and up to 60 hand-placed points\)/);
  await elsewhere.page.close();
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('hand-placed points kept in this browser that cannot be read are counted, not dropped silently', async () => {
  const { page } = await open('&model=knn&data=custom');
  await page.evaluate(() => localStorage.setItem('paramlab.points', '0.5,0.5,1;oops;-0.5,-0.5,0;9,9,0'));
  await page.reload();
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  assert.match(await page.getByRole('status', { name: 'Link notices' }).innerText(),
    /Restored your 2 hand-placed points from this browser; 2 stored entries could not be read and were left out\./);
  assert.match(await page.locator('.point-tools').textContent(), /2 points/);
  // (The link now carries the restored points: open it without them.)
  await page.evaluate(() => localStorage.setItem('paramlab.points', '{"not":"points"}'));
  await page.goto(server.url + '?lab=classification&model=knn&data=custom');
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  assert.match(await page.getByRole('status', { name: 'Link notices' }).innerText(),
    /The hand-placed points kept in this browser could not be read \(1 stored entry\): the plane starts empty\./);
  await page.evaluate(() => localStorage.removeItem('paramlab.points'));
  await page.close();
});

test('a link with points does not erase the points saved in this browser', async () => {
  const { page } = await open('&model=knn&data=custom');
  const plane = page.locator('#region-chart');
  const box = await plane.boundingBox();
  await plane.click({ position: { x: box.width * 0.3, y: box.height * 0.3 } });
  await page.waitForFunction(() => (localStorage.getItem('paramlab.points') ?? '').length > 0);
  const saved = await page.evaluate(() => localStorage.getItem('paramlab.points'));
  // Someone else's link, in the same browser: its points show, the saved ones stay saved.
  await page.goto(server.url + '?lab=classification&model=knn&data=custom&pts=' + encodeURIComponent('0.5,0.5,1;-0.5,-0.5,0'));
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  assert.match(await page.locator('.point-tools').textContent(), /2 points/);
  assert.equal(await page.evaluate(() => localStorage.getItem('paramlab.points')), saved);
  await page.close();
});

test('k-NN has nothing to train: Play, Step and Speed say so; your own points ignore Noise', async () => {
  const { page } = await open('&model=knn&data=moons');
  assert.ok(await page.locator('#play').isDisabled() && await page.locator('#step').isDisabled());
  assert.match(await text(page, '#nothing-to-train'), /k-NN learns no parameters/);
  assert.match(await text(page, '#ctl-speed-inert'), /No effect for k-NN/);
  assert.equal(await text(page, '#ctl-speed-value'), 'no steps to pace');
  // Nor anything to write as parameters: the CSV button is off and says where the points are.
  assert.ok(await page.locator('#parameters-csv').isDisabled());
  assert.match(await text(page, '#no-parameters-csv'), /this model is its training points, which Data as CSV writes/);
  // README: the data's CSV names the classes as the page does.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#data-csv').click()]);
  const rows = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(rows[0], 'set,x1,x2,class');
  assert.deepEqual([...new Set(rows.slice(1).map((r) => r.split(',')[3]))].sort(), ['blue', 'orange']);
  // Greyed, still readable: the speed's value keeps a 4.5 : 1 contrast on the white panel.
  const contrast = await page.evaluate(() => {
    const out = document.getElementById('ctl-speed-value');
    const [r, g, b] = getComputedStyle(out).color.match(/\d+/g).map(Number);
    const lum = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    let opacity = 1;
    for (let e = out; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    const L = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b);
    return opacity < 1 ? 0 : 1.05 / (L + 0.05);
  });
  assert.ok(contrast >= 4.5, `contrast ${contrast}`);
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Decision tree' });
  await page.waitForFunction(() => document.getElementById('play').getAttribute('aria-disabled') === 'false');
  const custom = (await open('&model=tree&data=custom')).page;
  assert.match(await text(custom, '#ctl-noise-inert'), /No effect on your own points/);
  await custom.close();
  await page.close();
});

test('at full speed an ensemble\'s panel waits for the growth to stop and its loss chart waits for the frame after the last tree, while the map and scores follow every tree', async () => {
  const { page, problems } = await open('&model=forest&trees=200&depth=4&features=1&data=moons&speed=max');
  await page.locator('#loss-chart').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => /^1 tree,/.test(document.getElementById('ensemble-size')?.textContent ?? ''));
  await page.waitForFunction(() => document.getElementById('loss-chart').dataset.drawnAt !== undefined);
  // Every frame of the growth: the tree count under the plot, the panel's count and when the
  // loss chart was last drawn.
  const seen = page.evaluate(() => new Promise((done) => {
    const frames = [];
    const tick = () => {
      const panel = document.getElementById('ensemble-size').textContent.split(',')[0];
      frames.push([Number(document.getElementById('epoch').textContent.replace(/,/g, '')), panel, document.getElementById('loss-chart').dataset.drawnAt]);
      if (panel === '200 trees') done(frames); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await seen;
  const growing = frames.filter(([trees]) => trees > 1 && trees < 200);
  assert.ok(growing.length > 0, `no frame caught the growth: ${JSON.stringify(frames)}`);
  for (const [trees, panel] of growing) assert.equal(panel, '1 tree', `at ${trees} trees the panel changed`);
  assert.equal(new Set(growing.map(([trees]) => trees)).size > 1, true, 'the tree count moved frame by frame');
  // The frame that shows the last tree does not also redraw the loss chart: it shows the whole
  // curve in a frame of its own after it.
  const last = frames.findIndex(([trees]) => trees === 200);
  assert.ok(last > 0, JSON.stringify(frames));
  assert.equal(frames[last][2], frames[last - 1][2], `the loss chart was redrawn with the last tree: ${JSON.stringify(frames)}`);
  assert.ok(frames.slice(last).some(([, , drawn]) => drawn !== frames[last][2]), `the loss chart never showed the whole curve: ${JSON.stringify(frames)}`);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('ensembles: chosen by label, grown tree by tree, out-of-bag error read, trees and shrinkage moved by keyboard', async () => {
  const { page, problems } = await open('&model=knn&features=1&data=moons');
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Random forest' });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('model') === 'forest');
  assert.equal(await text(page, '#epoch'), '0');
  // The speed and the rate speak of trees here, not epochs.
  assert.match(await text(page, '#ctl-speed-help'), /^How many trees are added each fifth of a second: 1 to see each new tree\. At max there is no pause/);
  assert.match(await page.locator('#eps').locator('xpath=..').textContent(), /Trees \/ s/);
  // No trees, no vote: every point is a tie, not an accuracy counted as if all said blue
  // (helper 100: 45.7 %, under the majority's share, and a confusion matrix all blue).
  assert.deepEqual([await text(page, '#train-acc'), await text(page, '#test-acc')], ['—', '—']);
  assert.match(await text(page, '#confusion'), /^Test set: no confusion matrix yet\. The forest has no trees, so nothing has voted/);
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '1');
  assert.match(await text(page, '#test-acc'), /^\d+(\.\d)? %$/);
  assert.equal(await page.locator('table#confusion tbody tr').count(), 2);
  assert.match(await text(page, '#ensemble-size'), /^1 tree, \d+ nodes, \d+ learned numbers/);
  assert.match(await text(page, '#learned'), /newest tree, number 1.*x[₁₂] ≤ -?[0-9.]+\?/s);
  // The newest tree alone, drawn beside: with one tree it is the forest's own map's pattern.
  const newest = () => page.evaluate(() => document.getElementById('newest-tree-map').toDataURL());
  const first = await newest();
  // Number of trees: 50 → 30 with the keyboard; Play grows the rest and stops by itself.
  await page.getByLabel('Number of trees', { exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('trees') === '30');
  assert.equal(await text(page, '#epoch'), '1', 'the grown tree is kept');
  await page.getByLabel('Speed', { exact: true }).focus();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '30', null, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).waitFor();
  // The parameters panel (and the newest tree's map in it) settles two frames after the last tree.
  await page.waitForFunction(() => /^30 trees/.test(document.getElementById('ensemble-size').textContent));
  assert.notEqual(await newest(), first, 'the 30th tree alone differs from the first');
  const oob = await percent(page, '#oob');
  assert.ok(oob > 0 && oob < 40, `out-of-bag error ${oob} %`);
  assert.ok(await percent(page, '#test-acc') > 75);
  // Bootstrap off: no out-of-bag points, and the page says why.
  await page.getByLabel('Bootstrap', { exact: true }).selectOption({ label: 'Off' });
  await page.waitForFunction(() => document.getElementById('oob')?.textContent.includes('Bootstrap'));

  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Gradient boosting' });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('model') === 'boosting');
  assert.equal(await page.locator('#oob').count(), 0, 'no out-of-bag error for boosting');
  await page.getByLabel('Learning rate (shrinkage)', { exact: true }).focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('shrinkage') === '1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '30', null, { timeout: 30_000 });
  // The parameters panel settles two frames after the last tree (its rules get frames of their own).
  await page.waitForFunction(() => /^30 rounds/.test(document.getElementById('ensemble-size').textContent));
  assert.match(await text(page, '#ensemble-size'), /^30 rounds, 30 trees/);
  assert.match(await text(page, '#newest-round'), /^Round 30's leaf values \(Newton steps; the ensemble adds 1 × each/);
  await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'boosting.png'), fullPage: true });
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('pointing at the plane shows each tree of a forest\'s most likely class, and boosting trees pushing the score', async () => {
  for (const [model, pattern] of [['forest', /^At \(x₁ 0, x₂ 0\): the 3 trees' most likely classes: .*; the newest's, (blue|orange) \(the forest averages their probabilities\)\.$/],
    ['boosting', /^At \(x₁ 0, x₂ 0\): log-odds of orange -?[0-9.]+ = the start -?[0-9.e-]+ \+ 3 trees' pushes \(leaf value × learning rate\), the newest [+-][0-9.e-]+\.$/]]) {
    const { page, problems } = await open(`&model=${model}&data=moons`);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(() => document.getElementById('epoch').textContent === '3');
    // The mouse (helper 54: only the keyboard's cross showed the votes), then the keyboard.
    const box = await page.locator('#region-chart').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await page.waitForFunction(() => document.getElementById('votes').textContent.length > 0);
    assert.match(await text(page, '#votes'), /^At \(x₁ [0-9.]+, x₂ [0-9.]+\): (the 3 trees' most likely classes|log-odds of orange)/);
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => document.getElementById('votes').textContent.length === 0);
    await page.locator('#region-chart').focus();
    await page.waitForFunction(() => document.getElementById('votes').textContent.length > 0);
    assert.match(await text(page, '#votes'), pattern);
    assert.deepEqual(problems.console, []);
    await page.close();
  }
});

test('the lab opens on logistic regression, and the first Play trains it: weights move, the ring closes', async () => {
  const { page, problems } = await open();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('model') === 'logistic');
  assert.equal(param(page, 'data'), 'circles');
  assert.equal(await page.getByLabel('Model', { exact: true }).locator('option:checked').textContent(), 'Logistic regression');
  assert.equal(await text(page, '#epoch'), '0');
  const weights = () => page.locator('#learned td').allTextContents();
  const start = await weights();
  assert.ok(start.every((w) => Number(w) === 0), `untrained weights ${start}`);
  await page.getByRole('button', { name: 'Play' }).click();
  // One epoch a frame: 60 epochs are the first second a learner watches.
  await page.waitForFunction(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= 60);
  await page.getByRole('button', { name: 'Pause' }).click();
  const trained = await weights();
  assert.ok(trained.some((w) => Math.abs(Number(w)) > 0.05), `weights after a second ${trained}`);
  assert.ok(await percent(page, '#test-acc') > 90);
  assert.doesNotMatch(await text(page, '#diagnosis'), /^Underfitting|^Overfitting/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('the verdict names the best accuracy the noise allows, and does not call a model near it too simple', async () => {
  const { page, problems } = await open('&model=knn&k=15&data=moons&noise=0.9');
  const verdict = await text(page, '#diagnosis');
  assert.ok(await percent(page, '#train-acc') < 85, 'below the old fixed 85 % bar');
  assert.match(verdict, /the best any model can expect (on average )?here is about 76 % \(the noise mixes the classes\)/);
  assert.doesNotMatch(verdict, /^Underfitting/);
  await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'ceiling.png') });
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('the verdict compares with the best rule on the same points: hard test points are no overfitting, a coarse tree is too simple', async () => {
  // k = 5 on noisy moons: 72 % on 60 test points, where the rule that knows the pattern scores
  // 72 % too (once called "too flexible"; on fresh points the model is 2 points from the best).
  const hard = await open('&model=knn&k=5&data=moons&noise=0.6');
  const verdict = await text(hard.page, '#diagnosis');
  assert.match(verdict, /^Good fit/);
  assert.match(verdict, /on these very points the rule that knows the pattern scores 84 % \(training\) and 72 % \(test\)/);
  await hard.page.close();
  // A depth-3 tree on circles: 95 % and 88 % where that rule scores 100 % (once a "good fit").
  const coarse = await open('&model=tree&data=circles&depth=3');
  await coarse.page.getByRole('button', { name: 'Play' }).click();
  await coarse.page.waitForFunction(() => /^Underfitting: too simple/.test(document.getElementById('diagnosis').textContent));
  assert.deepEqual([...hard.problems.console, ...coarse.problems.console], []);
  await coarse.page.close();
});

test('a verdict that rests on chance says it is a close call, in its title and why', async () => {
  // k = 2 on noisy moons (seed 1): 85 % and 75 % against the rule's 81 % and 80 % on the same
  // points; one standard error of the test accuracy (6 points) would make it "too flexible".
  // On 20,000 fresh points it is 7 points short of the best: the caution is due.
  const near = await open('&model=knn&k=2&data=moons&noise=0.6&seed=1');
  assert.equal(await text(near.page, '#diagnosis strong'), 'Good fit (a close call)');
  assert.match(await text(near.page, '#diagnosis'),
    /A close call, though: on 60 test points chance alone moves the test accuracy by about 6 points \(one standard error\), and that much, or half a standard error on the training accuracy, would make it read as overfitting\. The validation curve, which averages folds of the training points, is the better judge\./);
  await near.page.close();
  // The lab as it opens (logistic regression on the circles), trained 600 epochs: 99 % and
  // 100 %, a good fit far from every line. (After its first 200 epochs, at 97 % and 93 %, it was
  // itself a close call: 97 % lay within half a standard error of "too simple".)
  const clear = await open('');
  await clear.page.getByRole('button', { name: 'Play' }).click();
  await clear.page.waitForFunction(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= 600);
  assert.equal(await text(clear.page, '#diagnosis strong'), 'Good fit');
  assert.doesNotMatch(await text(clear.page, '#diagnosis'), /close call/);
  assert.deepEqual([...near.problems.console, ...clear.problems.console], []);
  await clear.page.close();
});

test('a forest that fits its training points far above the best rule is judged by its test accuracy', async () => {
  // Depth-5 trees on noisy moons: about 93 % on the training points where the rule that knows
  // the pattern scores 82 %, and a test accuracy at that rule's (once "too flexible"; on fresh
  // points within 4 points of the best: verdicts_agree_with_fresh_points).
  const { page, problems } = await open('&model=forest&data=moons&noise=0.6&n=300&depth=5&speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= 50);
  assert.match(await text(page, '#diagnosis'), /^Good fit/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('an error rate of exactly 0 is drawn on the bottom edge, and the page says so', async () => {
  const { page, problems } = await open('&model=forest&features=1&data=moons&trees=30&depth=15');
  assert.equal(await page.locator('#error-zero-note').count(), 0, 'no zero yet: no note');
  await page.getByLabel('Speed', { exact: true }).focus();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '30', null, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).waitFor();
  // Thirty deep trees vote every training point right: a training error rate of 0.
  assert.equal(await text(page, '#train-acc'), '100.0 %');
  assert.match(await text(page, '#error-zero-note'), /error rate of 0 is drawn on the bottom edge, labelled 0/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('an ensemble with all its trees says so: Play and Step are disabled, and Speed counts trees', async () => {
  const { page, problems } = await open('&model=forest&features=1&data=moons&trees=3');
  assert.equal(await page.getByLabel('Speed', { exact: true }).getAttribute('aria-valuetext'), '1 tree / 0.2 s');
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '1');
  const oneTree = [await text(page, '#train-acc'), await text(page, '#test-acc'), await text(page, '#learned')];
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '3');
  assert.equal(await page.getByRole('button', { name: 'Step' }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: 'Play' }).isDisabled(), true);
  assert.match(await text(page, '#complete-note'), /^All 3 trees are grown: Play and Step have nothing left to add\. Raise Number of trees/);
  // More trees by the keyboard (3 → 5): Step works again, the grown trees are kept.
  await page.getByLabel('Number of trees', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('trees') === '5');
  assert.equal(await text(page, '#epoch'), '3');
  assert.equal(await page.locator('#complete-note').count(), 0);
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '5');
  assert.equal(await page.getByRole('button', { name: 'Step' }).isDisabled(), true, 'all 5 grown');
  // Fewer trees (5 → 1): the page is the one-tree forest's at once, scores and panel too.
  await page.getByLabel('Number of trees', { exact: true }).focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('trees') === '1');
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '1');
  assert.match(await text(page, '#complete-note'), /^Its one tree is grown: Play and Step/);
  await page.waitForFunction(() => /^1 tree,/.test(document.getElementById('ensemble-size').textContent));
  assert.deepEqual([await text(page, '#train-acc'), await text(page, '#test-acc'), await text(page, '#learned')], oneTree,
    'the scores and the rules are those of the first tree again');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a straight line on the moons is called too simple while its loss still falls: even its optimum underfits', async () => {
  // The loss of a straight line on the moons creeps down for minutes; the verdict used to say
  // "Still training" for about 50 s (3,000 epochs). Its optimum, computed directly, is the proof.
  const { page, problems } = await open('&model=logistic&features=1&data=moons');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Underfitting: too simple/.test(document.getElementById('diagnosis')?.textContent ?? ''), null, { timeout: 30_000 });
  const epoch = Number((await text(page, '#epoch')).replace(/,/g, ''));
  assert.ok(epoch < 600, `called at epoch ${epoch}`);
  assert.match(await text(page, '#diagnosis'), /even trained to the end a model of this form reaches only \d+ % on the training points \(its optimum, computed directly\)/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('the legend names the classes the plot has, and a count reads in the singular for one', async () => {
  const { page } = await open('&data=moons');
  assert.match(await page.locator('.plots .legend').first().innerText(), /colour: class \(blue, orange\);/);
  await page.close();
  const three = await open('&data=three');
  assert.match(await three.page.locator('.plots .legend').first().innerText(), /colour: class \(blue, orange, green\);/);
  await three.page.close();
  const boosting = await open('&model=boosting&trees=1');
  // Before its one round (0 rounds … 1 learned number: the starting log-odds) or after it.
  assert.match(await text(boosting.page, '#ensemble-size'),
    /^(0 rounds, 0 trees, 0 nodes, 1 learned number|1 round, 1 tree, \d+ nodes, \d+ learned numbers) \(/);
  await boosting.page.close();
});

test('boosting on three classes counts rounds, each of one tree per class', async () => {
  const { page, problems } = await open('&model=boosting&data=three&trees=3');
  assert.equal(await page.getByLabel('Speed', { exact: true }).getAttribute('aria-valuetext'), '1 round / 0.2 s');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '3');
  assert.equal(await page.locator('.stats div:has(#epoch) dt').innerText(), 'Rounds');
  assert.match(await text(page, '#complete-note'), /^All 3 rounds are grown, 3 trees each \(one per class\): Play and Step/);
  assert.match(await text(page, '#ensemble-size'), /^3 rounds, 9 trees,/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a model switched to shows no training rate until it trains (not the last model’s)', async () => {
  const { page } = await open('&model=logistic&data=moons');
  if ((await page.locator('#play').textContent()) !== 'Pause') await page.locator('#play').click();
  await page.waitForFunction(() => /^[\d,]+$/.test(document.getElementById('eps').textContent.trim()));
  await page.locator('#play').click(); // pause
  assert.match(await text(page, '#eps'), /^[\d,]+$/, 'the last rate stays after pausing');
  assert.equal((await page.locator('#eps').locator('xpath=..').textContent()).trim().replace(/[\d,]+$/, ''), 'Epochs / s, last run');
  await page.locator('#ctl-model').selectOption({ label: 'Random forest' });
  await page.waitForFunction(() => document.getElementById('eps').textContent.trim() === '—');
  await page.close();
});

test('at a set speed an ensemble\'s parameters panel follows every tree, not one behind', async () => {
  const { page, problems } = await open('&model=forest&features=1&data=moons&trees=10');
  const seen = page.evaluate(() => new Promise((done) => {
    const frames = [];
    const tick = () => {
      const panel = parseInt(document.getElementById('ensemble-size').textContent, 10);
      const trees = Number(document.getElementById('epoch').textContent.replace(/,/g, ''));
      frames.push([trees, panel]);
      if (panel === 10) done(frames); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await seen;
  // A tree comes every 12 frames; the panel may trail it by a frame, not by a tree's 12.
  const behind = frames.filter(([trees, panel]) => panel !== trees).length;
  assert.ok(behind <= 10, `${behind} frames showed the panel behind: ${JSON.stringify(frames)}`);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('hand-placed points all of one class get no verdict, and say why', async () => {
  // Six points of class 0: any model is "right" on all of them by always answering class 0. It
  // used to read "Good fit" at 100 %.
  const pts = [0.1, 0.3, 0.5, 0.7, 0.9, 1.1].map((x) => `${x},0.2,0`).join(';');
  const { page, problems } = await open(`&model=logistic&data=custom&pts=${encodeURIComponent(pts)}`);
  await page.getByRole('button', { name: 'Step' }).click();
  assert.match(await text(page, '#diagnosis'),
    /^No verdict: every training point is of one class, so a model that always answers it gets them all right and there is nothing to learn\. Place points of another class too \(pick it under the plot\)/);
  assert.deepEqual(problems.console, []);
  await page.close();
  // Generated data with one training point: nothing to place, so more points are the remedy.
  const generated = await open('&model=logistic&n=10&train=0.1');
  await generated.page.getByRole('button', { name: 'Step' }).click();
  assert.match(await text(generated.page, '#diagnosis'), /of one class.*Raise the number of points or the training fraction\.$/);
  assert.deepEqual(generated.problems.console, []);
  await generated.page.close();
});

test('hand-placed data too small to split says what is missing instead of scoring nothing', async () => {
  for (const [pts, count] of [['', '0 points'], ['0.5,0.5,1', '1 point']]) {
    const { page, problems } = await open(`&model=logistic&data=custom${pts ? '&pts=' + encodeURIComponent(pts) : ''}`);
    const tools = await page.locator('.point-tools').textContent();
    assert.match(tools, new RegExp(`${count}\\. Shift\\+click also removes`));
    assert.match(tools, /Place at least two: one trains the model and one tests it\./);
    assert.equal(await text(page, '#test-acc'), '—', 'no test points, no test accuracy');
    assert.equal(await text(page, '#test-loss'), '—');
    assert.equal(await page.locator('#play').isDisabled(), true);
    assert.equal(await page.locator('#step').isDisabled(), true);
    assert.match(await text(page, '#complete-note'), /^Place at least two points/);
    assert.match(await text(page, '#diagnosis'), /^Click the plot to place points \(at least two\)/);
    assert.doesNotMatch(await page.locator('[data-panel="validation"]').textContent(), /0 folds/);
    assert.deepEqual(problems.console, []);
    await page.close();
  }
});

test('README: logistic regression\'s curve flat for want of epochs says so, and the verdict does not cite it; under Adam it falls', async () => {
  // One epoch a frame: paused between the curve's 300 epochs and twice that, where the curve
  // still speaks for the model (past 600 another note says it no longer does).
  const { page, problems } = await open('&model=logistic&data=moons&speed=1');
  await page.waitForFunction(() => /^\d+ values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 60_000 });
  assert.match(await text(page, '#validation-outrun'), /^At this learning rate 300 epochs are far from enough: at Features = 8 the first fold's model reaches a training error of [\d.]+ % in 300 epochs and [\d.]+ % in 3,000, a larger fall than the whole curve's, from Features = 1 \([\d.]+ %\) to there \([\d.]+ %\)\. The curve shows how far its epochs get, not what each setting can do; raise the learning rate, or choose Adam, to compare them\.$/);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= 300, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok(Number((await text(page, '#epoch')).replace(/,/g, '')) <= 600);
  assert.match(await text(page, '#diagnosis'), /more Features/);
  assert.doesNotMatch(await text(page, '#diagnosis'), /validation curve/);
  await page.getByLabel('Optimizer', { exact: true }).selectOption({ label: 'Adam' });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('opt') === 'adam');
  await page.waitForFunction(() => /^\d+ values computed/.test(document.getElementById('validation-status').textContent)
    && !document.getElementById('validation-outrun'), null, { timeout: 60_000 });
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('README: a learning rate of 10⁻⁴: the curve far above the optimum says so, and the verdict does not cite it', async () => {
  const { page, problems } = await open('&model=logistic&data=moons&lr=0.0001&speed=1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= 300
    && /^\d+ values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.match(await text(page, '#validation-outrun'), /^At this learning rate 300 epochs are far from enough: at Features = 2, as now, the curve's models reach a training error of [\d.]+ %, where fully trained this model reaches [\d.]+ % \(its optimum, computed directly\)\./);
  assert.doesNotMatch(await text(page, '#diagnosis'), /validation curve/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('README: under L2 and plain gradient descent at a learning rate of 1/λ the verdict is a learning rate too high, the penalty\'s pull named; at 0.03 it settles and the penalty is named', async () => {
  // (Helper 99: it read "too strongly regularized … Lower λ" at a log-loss of 15.85.)
  const { page, problems } = await open('&model=logistic&data=circles&features=2&reg=l2&lambda=10&speed=1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= 120, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  const verdict = await text(page, '#diagnosis');
  assert.match(verdict, /^Learning rate too high.*at this learning rate gradient descent cannot settle: the penalty's pull alone moves each weight by 2 × λ × learning rate = 2 × 10 × 0\.1 = 2 times itself per step, to as far past zero as it was or farther.*Lower the learning rate below 1\/λ = 0\.1/s);
  await page.waitForFunction(() => /^\d+ values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 60_000 });
  assert.match(await text(page, '#validation-outrun'), /^At this learning rate the model on the page does not settle \(2 × λ × learning rate = 2, 2 or more: .* Lower the learning rate to compare them\.$/);
  // Two keys down: 0.03; trained on, it settles at the penalized minimum.
  await page.getByLabel('Learning rate', { exact: true }).focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('lr') === '0.03');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Underfitting: too strongly regularized/.test(document.getElementById('diagnosis').textContent), null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok(Number.parseFloat(await text(page, '#train-loss')) < 0.6931, await text(page, '#train-loss'));
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('README: boosting at learning rate 1 on XOR reads a good fit by accuracy, and its overfit probabilities are named with their log-losses', async () => {
  const { page, problems } = await open('&model=boosting&shrinkage=1&data=xor&speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Good fit.*Its probabilities are another matter: its log-loss, the loss it trains on, is [\d.e-]+ on the training points and [\d.]+ on the test points, worse than the 0\.69\d* of always predicting the class shares/.test(document.getElementById('diagnosis').textContent), null, { timeout: 60_000 });
  // The scores show the same log-losses: the test one above ln 2.
  assert.ok(parseFloat(await text(page, '#test-loss')) > 0.693, await text(page, '#test-loss'));
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('once the curve over a control is computed, the verdict says where it does clearly better, and a gap with no noise learned follows it to more depth', async () => {
  const { page, problems } = await open('&model=forest&data=moons&speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.getElementById('epoch').textContent === '50', null, { timeout: 30_000 });
  // Over the number of trees (more votes, not more flexibility) the curve cannot say which way:
  // the verdict cautions that a gap with no noise learned may come from a model too simple.
  await page.waitForFunction(() => /^\d+ values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 60_000 });
  assert.match(await text(page, '#diagnosis'), /^Overfitting.*it has not learned their noise, and a model too simple can miss on new points too.*A validation curve over a control of its form, such as its depth or k, tells which way to move/);
  assert.match(await text(page, '#diagnosis'), /not above the rule's on its own points by more than chance/);
  await page.getByLabel('Max depth', { exact: true }).focus();
  await page.waitForFunction(() => /^\d+ values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 60_000 });
  await page.waitForFunction(() => /does (clearly )?better at Max depth/.test(document.getElementById('diagnosis').textContent), null, { timeout: 10_000 });
  const verdict = await text(page, '#diagnosis');
  // Helper 55 saw "shallower trees" here beside this curve: the forest's training accuracy is
  // not above the rule's, so the gap is no noise learned, and the curve says deeper.
  assert.match(verdict, /^Underfitting: too simple.*has not learned its training points' noise.*Give it more flexibility: deeper trees/);
  assert.doesNotMatch(verdict, /shallower trees/);
  const deeper = verdict.match(/The validation curve does (?:clearly )?better at Max depth = (\d+): a cross-validated error of [\d.]+ %, against [\d.]+ % at Max depth = 4 \(more than (?:one standard error|two standard errors) apart: the lowest's folds' spread over √5, narrower than the chart's band of ± 1 sd\)\./);
  assert.ok(deeper && Number(deeper[1]) > 4, verdict);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a gap only just over one standard error reads "if only just", not "clearly better"', async () => {
  // The README: the verdict says where the curve does better, "if only just" under 1.25 standard
  // errors. At k = 17 on these moons the curve's k = 11 is 1.0001 of them lower (helper 86).
  const { page, problems } = await open('&model=knn&data=moons&noise=0.4&k=17');
  await page.waitForFunction(() => /^\d+ values computed/.test(document.getElementById('validation-status').textContent), null, { timeout: 60_000 });
  await page.waitForFunction(() => /if only just/.test(document.getElementById('diagnosis').textContent), null, { timeout: 10_000 });
  const verdict = await text(page, '#diagnosis');
  assert.match(verdict, /But the validation curve does better at k = 11, if only just: a cross-validated error of 9\.3 %, against 10\.7 % at k = 17 \(only just over one standard error apart/);
  assert.doesNotMatch(verdict, /clearly better/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a tree\'s limits that do not bind on these points say so, and moving one indeed changes nothing', async () => {
  const { page, problems } = await open('&model=tree&data=circles');
  assert.match(await text(page, '#ctl-depth-inert'), /^Raising it changes nothing here: grown to the end without a limit, this tree stops at depth 4 \(every leaf pure or unsplittable\)\.$/);
  assert.match(await text(page, '#ctl-leaf-inert'), /^Raising it up to (\d+) changes nothing here: the smallest leaf already holds \1 training points\.$/);
  assert.match(await text(page, '#ctl-criterion-inert'), /^Either grows the same tree here: Gini impurity and entropy choose the same questions/);
  assert.equal(await page.locator('.control.inert:has(#ctl-depth)').count(), 0, 'not dimmed: a lower depth does change it');
  const grown = () => page.waitForFunction(() => document.getElementById('epoch').textContent === '4'
    && document.getElementById('play').textContent === 'Play');
  await page.getByRole('button', { name: 'Play' }).click();
  await grown();
  const rules = await text(page, '#learned');
  await page.getByLabel('Max depth', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('depth') === '5');
  await page.getByRole('button', { name: 'Play' }).click();
  await grown();
  assert.equal(await text(page, '#learned'), rules, 'depth 5 grows the same tree, 4 deep');
  assert.deepEqual(problems.console, []);
  await page.close();
  // Noisy moons: the limits bind, no such note.
  const moons = await open('&model=tree&data=moons&noise=0.5');
  assert.equal(await moons.page.locator('#ctl-depth-inert, #ctl-leaf-inert, #ctl-criterion-inert').count(), 0);
  await moons.page.close();
});

test('controls that change nothing here say so: depth when no leaf can split, trees that cannot differ, weighting at k = 1 or on well-separated points', async () => {
  // Leaves of 20 on 35 training points: the tree is one leaf, judged at once.
  let { page, problems } = await open('&model=tree&data=moons&noise=0.4&n=50&leaf=20&depth=15');
  assert.match(await text(page, '#ctl-depth-inert'), /No effect while each leaf needs 20 points: no split of 35 training points/);
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => /fewer samples per leaf/.test(document.getElementById('diagnosis')?.textContent ?? ''));
  await page.close();
  assert.deepEqual(problems.console, []);
  ({ page, problems } = await open('&model=forest&bootstrap=off&maxfeat=all'));
  assert.match(await text(page, '#ctl-trees-inert'), /every tree is the same/);
  await page.close();
  ({ page, problems } = await open('&model=knn&k=1&weight=distance&data=moons&noise=0.4'));
  assert.match(await text(page, '#ctl-weight-inert'), /No effect at k = 1/);
  assert.match(await text(page, '#diagnosis'), /^Overfitting/);
  assert.deepEqual(problems.console, []);
  await page.close();
  // On the default circles the other weighting changes the class on under 1 % of the plot.
  ({ page, problems } = await open('&model=knn'));
  const barely = /The other weighting changes the predicted class on only \d\.\d % of the plot here/;
  assert.match(await text(page, '#ctl-weight-inert'), barely);
  await page.getByLabel('Weighting').selectOption({ label: 'Distance' });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('weight') === 'distance');
  assert.match(await text(page, '#ctl-weight-inert'), barely);
  await page.close();
  ({ page, problems } = await open('&model=knn&k=15&data=moons&noise=0.4'));
  assert.equal(await page.locator('#ctl-weight-inert').count(), 0, 'on noisy moons the weighting matters');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('a link with more points than a link made here carries keeps them in the address bar, so a reload keeps them', async () => {
  const eighty = Array.from({ length: 80 }, (_, i) => `${(-0.8 + 0.02 * i).toFixed(2)},${(0.1 * (i % 5)).toFixed(2)},${i % 2}`).join(';');
  const { page, problems } = await open(`&model=knn&data=custom&pts=${encodeURIComponent(eighty)}`);
  await page.evaluate(() => localStorage.removeItem('paramlab.points'));
  assert.equal(param(page, 'pts')?.split(';').length, 80);
  assert.equal(await page.locator('#points-notice').count(), 0, 'no claim that the browser keeps them');
  await page.reload();
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  assert.match(await page.locator('.point-tools').textContent(), /80 points/);
  // Changed here, they move to storage, and the page says so.
  const plane = page.locator('#region-chart');
  const box = await plane.boundingBox();
  await plane.click({ position: { x: box.width * 0.8, y: box.height * 0.8 } });
  await page.locator('#points-notice').waitFor();
  assert.equal(param(page, 'pts'), null);
  assert.equal((await page.evaluate(() => localStorage.getItem('paramlab.points'))).split(';').length, 81);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('on a laptop\'s screen (1366×768, and the 650 px a browser leaves of it) Play sits under the plot without scrolling; a tall screen keeps the full plot', async () => {
  for (const [lab, height] of [['classification', 768], ['classification', 650], ['classification&model=knn', 650], ['classification&model=boosting', 768], ['neural', 650], ['neural', 1080]]) {
    const { page } = await openPage(browser, server.origin, server.url + `?lab=${lab}`, { width: 1366, height });
    const play = await page.getByRole('button', { name: 'Play', exact: true }).boundingBox();
    const plot = await page.locator('#region-chart-box').boundingBox();
    assert.ok(play.y + play.height <= height, `${lab} at ${height}: Play ends at ${play.y + play.height}`);
    assert.ok(plot.width >= 300, `${lab} at ${height}: plot ${plot.width} px`);
    if (height === 1080) assert.equal(Math.round(plot.width), 560);
    await page.close();
  }
  // Under a lesson's bar too (helper 58), the prompt three lines long.
  const { page } = await openPage(browser, server.origin, server.url + '?lesson=ensembles&step=2', { width: 1366, height: 768 });
  const play = await page.getByRole('button', { name: 'Play', exact: true }).boundingBox();
  assert.ok(play.y + play.height <= 768, `under the lesson's bar: Play ends at ${play.y + play.height}`);
  await page.close();
});

test('on the default circles, where a forest gets every point right, the verdict says such scores cannot tell settings apart', async () => {
  const { page, problems } = await open('&model=forest&speed=max');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction(() => /^Good fit/.test(document.getElementById('diagnosis')?.textContent ?? ''));
  await page.waitForFunction(() => document.getElementById('test-acc')?.textContent.trim() === '100.0 %');
  assert.equal(await text(page, '#train-acc'), '100.0 %');
  assert.match(await text(page, '#diagnosis'), /Every point right, training and test: on points this easy many settings score the same/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('pointing at the plot says what is there in the slot of the keys\' hint: nothing under the plot moves', async () => {
  for (const model of ['knn', 'boosting']) {
    const { page, problems } = await open(`&model=${model}&trees=5&speed=max`);
    if (model === 'boosting') {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForFunction(() => document.getElementById('epoch')?.textContent.trim() === '5');
    }
    const play = async () => (await page.locator('#play').boundingBox()).y;
    const before = await play();
    assert.ok(await page.locator('#plane-keys').isVisible());
    const box = await page.locator('#region-chart').boundingBox();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45);
    const line = model === 'knn' ? '#neighbours' : '#votes';
    await page.waitForFunction((sel) => document.querySelector(sel).textContent.length > 20, line);
    assert.equal(await play(), before, `${model}: Play moved`);
    assert.equal(await page.locator('#plane-keys').isVisible(), false, 'the hint is covered');
    await page.mouse.move(1, 1);
    await page.waitForFunction((sel) => document.querySelector(sel).textContent === '', line);
    assert.ok(await page.locator('#plane-keys').isVisible(), 'the hint is back');
    assert.deepEqual(problems.console, []);
    await page.close();
  }
});

test('an even k on two classes says how many training votes tie, and that ties, not a smoother boundary, cost training accuracy', async () => {
  const { page, problems } = await open('&model=knn&k=2&data=moons&noise=0.4');
  assert.match(await text(page, '#diagnosis'), /k = 2 is even: the votes of \d+ of the 140 training points tie, and every tie goes to blue/);
  await page.getByLabel('k', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('k') === '3');
  assert.doesNotMatch(await text(page, '#diagnosis'), /is even/);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('hand-placed points piled on one spot with two classes: a tree at what any model can reach is a good fit limited by the points, as the README says', async () => {
  // (Helper 109: such points read "too simple … more trees".)
  const pile = '0,0,0;0,0,1;'.repeat(7) + '0,0,0;'.repeat(5) + '0,0,0';
  const { page, problems } = await open(`&data=custom&model=tree&pts=${pile}`);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Good fit/.test(document.getElementById('diagnosis')?.textContent ?? ''), null, { timeout: 30_000 });
  const reason = await text(page, '#diagnosis');
  assert.match(reason, /no model can do better on these training points, since \d+ of the training points share their spot with a point of another class/);
  assert.match(reason, /at most (\d+) % of the training points can be right/);
  const [, most] = reason.match(/at most (\d+) %/);
  assert.equal(Math.round(await percent(page, '#train-acc')), Number(most), 'the tree is at that bound');
  assert.deepEqual(problems.console, []);
  await page.close();
});
