import { serveDist, launch, openPage } from '../e2e/harness.mjs';
const server = await serveDist(); const browser = await launch();
const [query, w, h, out] = process.argv.slice(2);
const { page } = await openPage(browser, server.origin, server.url + query, { width: +w, height: +h });
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close(); await server.close();
