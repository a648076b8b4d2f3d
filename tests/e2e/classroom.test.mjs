// End-to-end tests of the classroom features that every lab shares: switching labs in the page
// (each keeps its state), keyboard shortcuts, presenter view with panels hidden from the class,
// and working offline after one visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (query, viewport) => openPage(browser, server.origin, server.url + query, viewport);
const param = (page, name) => new URL(page.url()).searchParams.get(name);
const text = async (page, selector) => (await page.locator(selector).textContent()).trim();
const waitParam = (page, name, value) => page.waitForFunction(
  ([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value]);
const epochIs = (page, n) => page.waitForFunction((n) => document.getElementById('epoch').textContent === String(n), n);

test('switching labs happens in the page and each lab is found as it was left', async () => {
  const { page, problems } = await open('?lab=regression');
  await page.evaluate(() => { window.stillThisPage = true; });
  await page.getByLabel('Polynomial degree', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await waitParam(page, 'degree', '4');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
  await epochIs(page, 3);
  await page.getByRole('link', { name: 'Neural-network lab' }).click();
  await waitParam(page, 'lab', 'neural');
  await page.getByLabel('Hidden layers', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Step' }).click();
  await epochIs(page, 1);
  await page.getByRole('link', { name: 'Regression lab' }).click();
  await waitParam(page, 'lab', 'regression');
  await epochIs(page, 3);
  assert.equal(param(page, 'degree'), '4');
  assert.equal(await text(page, '#ctl-degree-value'), '4');
  await page.getByRole('link', { name: 'Neural-network lab' }).click();
  await epochIs(page, 1);
  assert.equal(await page.evaluate(() => window.stillThisPage), true, 'no page load');
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('Space plays and pauses, S steps, R resets, ? lists the keys; a focused control keeps its keys', async () => {
  const { page, problems } = await open('?lab=regression');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await epochIs(page, 2);
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await page.keyboard.press('r');
  await epochIs(page, 0);
  // A slider with focus keeps its keys: S and Space do not train.
  await page.getByLabel('Polynomial degree', { exact: true }).focus();
  await page.keyboard.press('s');
  await page.keyboard.press(' ');
  await page.waitForTimeout(300);
  assert.equal(await text(page, '#epoch'), '0');
  await page.getByLabel('Polynomial degree', { exact: true }).evaluate((e) => e.blur());
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  for (const key of ['Space', 'S', 'R', 'P', '?']) assert.equal(await help.getByRole('rowheader', { name: key, exact: true }).count(), 1, key);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  assert.deepEqual(problems.console, []);
  await page.close();
});

test('presenter view: P turns it on, panels hide and come back, and the link carries both', async () => {
  const { page, problems } = await open('?lab=regression&degree=15');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const before = (await page.locator('#fit-chart-box').boundingBox()).height;
  await page.keyboard.press('p');
  await waitParam(page, 'present', '1');
  assert.equal(await page.locator('#presenter').getAttribute('aria-pressed'), 'true');
  await page.waitForFunction((h) => document.getElementById('fit-chart').height / devicePixelRatio > h + 50, before);
  await page.getByRole('button', { name: 'Verdict' }).click();
  await waitParam(page, 'hide', 'verdict');
  assert.ok(!(await page.locator('#diagnosis').isVisible()));
  await page.getByRole('button', { name: 'Scores' }).click();
  await waitParam(page, 'hide', 'verdict,scores');
  assert.ok(!(await page.locator('#test-loss').isVisible()));
  assert.equal(param(page, 'degree'), '15', 'the lab keeps its settings in the link');
  const again = await open(new URL(page.url()).search);
  assert.ok(await again.page.locator('.presenter').isVisible());
  assert.ok(!(await again.page.locator('#diagnosis').isVisible()));
  await again.page.getByRole('button', { name: 'Verdict' }).click();
  await again.page.locator('#diagnosis').waitFor({ state: 'visible' });
  await waitParam(again.page, 'hide', 'scores');
  await again.page.locator('#presenter').click();
  await again.page.waitForFunction(() => !new URL(location.href).searchParams.has('present'));
  assert.deepEqual([...problems.console, ...again.problems.console], []);
  await again.page.close();
  await page.close();
});

test('presenter view at 1280×720: Play, the main plot and the verdict fit without scrolling in every lab', async () => {
  for (const lab of ['regression', 'classification', 'neural']) {
    const { page } = await open(`?lab=${lab}&present=1`, { width: 1280, height: 720 });
    for (const selector of ['button.primary', '#diagnosis', lab === 'regression' ? '#fit-chart' : '#region-chart']) {
      const box = await page.locator(selector).first().boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 720, `${lab} ${selector}: ${JSON.stringify(box)}`);
    }
    await page.close();
  }
  const { page } = await open('?lab=regression&present=1', { width: 1920, height: 1080 });
  const chart = await page.locator('#fit-chart-box').boundingBox();
  assert.ok(chart.height >= 0.5 * 1080, `the plot uses the height: ${chart.height}px`);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(size >= 18, `type grows on a projector: ${size}px`);
  await page.close();
});

test('after one visit every lab, lab switching and a reload work with the network off', async () => {
  const { page, problems } = await open('?lab=regression');
  await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 20_000 });
  await page.context().setOffline(true);
  await page.reload();
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  for (const [name, label] of [['Classification lab', 'Model'], ['Neural-network lab', 'Hidden layers'], ['Tuning lab', 'Strategy']]) {
    await page.getByRole('link', { name }).click();
    await page.getByLabel(label, { exact: true }).waitFor();
  }
  await page.goto(server.url + '?lab=neural&layers=1');
  await page.getByLabel('Hidden layers', { exact: true }).waitFor();
  assert.equal(await text(page, '#ctl-layers-value'), '1');
  await page.getByRole('button', { name: 'Step' }).click();
  await epochIs(page, 1);
  assert.deepEqual(problems.foreign, []);
  await page.close();
});

test('interview practice: answer, read why, a missed question comes back, the score survives a reload, show me opens the lab', async () => {
  const { page, problems } = await open('?lab=regression');
  const score = () => text(page, '#quiz-score');
  await page.getByRole('button', { name: 'Interview practice' }).click();
  await waitParam(page, 'practice', '1');
  await page.getByRole('heading', { name: /Interview practice/ }).waitFor();
  assert.match(await score(), /^0 right of 0 answered · \d+ to go$/);
  // Answer with the first choice until one is wrong (2–4 choices each: it comes soon).
  let missed = null;
  for (let i = 0; i < 30 && !missed; i++) {
    const prompt = await text(page, '#quiz-prompt');
    await page.locator('.choice').first().click();
    const verdict = await text(page, '#quiz-explanation');
    if (verdict.startsWith('Not quite')) missed = prompt;
    assert.ok(verdict.length > 40, 'an explanation follows the answer');
    if (!missed) await page.getByRole('button', { name: 'Next question' }).click();
  }
  assert.ok(missed, 'some first choice was wrong');
  assert.match(await score(), /1 missed, coming back$/);
  const stored = await score();
  await page.reload();
  await page.getByRole('heading', { name: /Interview practice/ }).waitFor();
  assert.equal((await score()).replace(/ · \d+ to go/, ''), stored.replace(/ · \d+ to go/, ''), 'kept in the browser');
  // The missed question comes back within a few questions; answered right, it is no longer missed.
  let back = false;
  for (let i = 0; i < 6 && !back; i++) {
    back = (await text(page, '#quiz-prompt')) === missed;
    if (back) break;
    await page.locator('.choice').first().click();
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  assert.ok(back, 'the missed question came back');
  await page.locator('.choice').first().click();
  await page.getByRole('button', { name: 'Show me in the lab' }).click();
  await page.locator('canvas[data-drawn-at]').first().waitFor();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('practice'));
  assert.ok(['regression', 'classification', 'neural', 'tuning'].includes(param(page, 'lab')));
  assert.deepEqual(problems.console, []);
  await page.close();
});
