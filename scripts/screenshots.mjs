// Retakes the README's screenshots of the Regression lab and presenter view from the built site
// (run `trunk build --release` first): each is a link, played to at least an epoch, then paused.
// The other screenshots in docs/ were taken by hand; add them here when they are retaken.
// (drawer-phone.png: the phone's drawer open over a trained forest, Play in sight above it.)
//
// Usage: node scripts/screenshots.mjs
import { join } from 'node:path';
import { serveDist, launch, openPage, chartsReady, ROOT } from '../tests/e2e/harness.mjs';

const SHOTS = [
  // [file, link, viewport, play to this epoch (0: no training), whole page, then click this]
  ['overfitting.png', '?degree=15&n=20&speed=max', { width: 1280, height: 900 }, 30000, true],
  ['good-fit.png', '?degree=3&speed=max', { width: 1280, height: 900 }, 3000, true],
  ['presenter.png', '?degree=15&n=20&speed=max&present=1&hide=verdict', { width: 1920, height: 1080 }, 30000, false],
  ['lesson.png', '?lesson=fit&step=3', { width: 1280, height: 800 }, 0, false],
  ['drawer-phone.png', '?lab=classification&model=forest&trees=20&speed=max', { width: 390, height: 844 }, 20, false, '#drawer-handle'],
];

const server = await serveDist();
const browser = await launch();
try {
  for (const [file, link, viewport, epochs, fullPage, click] of SHOTS) {
    const { page } = await openPage(browser, server.origin, server.url + link, viewport);
    if (epochs > 0) {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForFunction((n) => Number(document.getElementById('epoch').textContent.replace(/,/g, '')) >= n,
        epochs, { timeout: 120_000 });
      // (A forest stops by itself once its trees are grown.)
      const pause = page.getByRole('button', { name: 'Pause', exact: true });
      if (await pause.count()) await pause.click();
    }
    if (click) await page.locator(click).click();
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
