// Retakes the README's screenshots from the built site (run `trunk build --release` first): each
// is a link, played to at least an epoch (a tree's depth, an ensemble's trees), then paused, and
// optionally something done on the page (a neuron picked, the validation curve's control chosen).
// (drawer-phone.png: the phone's drawer open over a trained forest, Play in sight above it.)
//
// Usage: node scripts/screenshots.mjs [file …]   (no file: all of them)
import { join } from 'node:path';
import { serveDist, launch, openPage, chartsReady, ROOT } from '../tests/e2e/harness.mjs';

/** Chooses the validation curve's control by its label (or keeps it) and waits for the curve to
 *  be computed. */
const curve = (label) => async (page) => {
  const select = page.getByLabel('Validation curve for', { exact: true });
  await select.scrollIntoViewIfNeeded();
  if (label) await select.selectOption({ label });
  await page.waitForFunction(() => /values computed/.test(document.querySelector('[data-panel="validation"]')?.textContent ?? ''),
    null, { timeout: 120_000 });
};

const wide = { width: 1280, height: 900 };
const SHOTS = [
  // [file, link, viewport, play to this epoch (0: no training), whole page, then do this]
  ['overfitting.png', '?degree=15&n=20&speed=max', wide, 30000, true],
  ['good-fit.png', '?degree=3&speed=max', wide, 3000, true],
  ['lasso-phone.png', '?degree=9&reg=l1&lambda=0.01&lr=0.1&speed=max', { width: 390, height: 844 }, 3000, true],
  ['classification-tree.png', '?lab=classification&model=tree&depth=6&leaf=1&data=spiral&speed=max', wide, 6, true],
  ['classification-logistic.png', '?lab=classification&model=logistic&features=2&data=circles&speed=max', wide, 500, true],
  ['neural-network.png', '?lab=neural&data=spiral&layers=2&l1=6&l2=4&act=tanh&inputs=x1,x2,sin1,sin2&speed=max',
    { width: 1400, height: 900 }, 2000, true, (page) => page.locator('#network .neuron').nth(8).click()],
  ['neural-regression.png', '?lab=neural&data=bumps&layers=2&l1=8&l2=8&speed=max', { width: 1400, height: 900 }, 3000, true],
  ['boosting.png', '?lab=classification&model=boosting&data=moons&noise=0.4&trees=100&speed=max', wide, 100, true, curve('Learning rate (shrinkage)')],
  ['tuning.png', '?lab=tuning&strategy=random&budget=16&x=degree&y=lambda', wide, 0, true, async (page) => {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => /Done: \d+ trials/.test(document.body.textContent), null, { timeout: 300_000 });
  }],
  ['presenter.png', '?degree=15&n=20&speed=max&present=1&hide=verdict', { width: 1920, height: 1080 }, 30000, false],
  ['lesson.png', '?lesson=fit&step=3', { width: 1280, height: 800 }, 0, false],
  ['drawer-phone.png', '?lab=classification&model=forest&trees=20&speed=max', { width: 390, height: 844 }, 20, false,
    (page) => page.locator('#drawer-handle').click()],
];
const only = process.argv.slice(2);

const server = await serveDist();
const browser = await launch();
try {
  for (const [file, link, viewport, epochs, fullPage, then] of SHOTS) {
    if (only.length && !only.includes(file)) continue;
    const { page } = await openPage(browser, server.origin, server.url + link, viewport);
    if (epochs > 0) {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForFunction((n) => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= n,
        epochs, { timeout: 120_000 });
      // (A forest stops by itself once its trees are grown.)
      const pause = page.getByRole('button', { name: 'Pause', exact: true });
      if (await pause.count()) await pause.click();
    }
    if (then) await then(page);
    // A whole page shows its validation curve computed to the end.
    if (fullPage && await page.getByLabel('Validation curve for', { exact: true }).count()) await curve()(page);
    await chartsReady(page);
    if (fullPage) {
      // Charts below the fold are drawn when the reader scrolls near them.
      for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 400) {
        await page.evaluate((y) => window.scrollTo(0, y), y);
        await page.waitForTimeout(150);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ROOT, 'docs', file), fullPage });
    console.log(`docs/${file}: ${link}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
