// Shared set-up for the end-to-end tests and the browser benchmark: a static server for dist/
// under a sub-path (as on any static host), and headless Debian Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = new URL('../..', import.meta.url).pathname;
// PARAMLAB_DIST serves another build (e.g. one with function names, for profiling).
export const DIST = process.env.PARAMLAB_DIST ?? join(ROOT, 'dist');
export const SUBPATH = '/labs/paramlab/';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };

/** Serves dist/ at http://127.0.0.1:<port>/labs/paramlab/ and nothing else; with `gzip`, files
 *  are sent compressed to a browser that accepts it, as static hosts do (the Lighthouse bench). */
export async function serveDist({ gzip = false } = {}) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `trunk build --release` first');
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(SUBPATH)) { res.writeHead(404).end('outside the sub-path'); return; }
    const file = normalize(join(DIST, path.slice(SUBPATH.length) || 'index.html'));
    try {
      if (!file.startsWith(DIST) || !(await stat(file)).isFile()) throw new Error('not a file');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const body = await readFile(file);
      if (gzip && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(gzipSync(body, { level: 9 }));
      } else {
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      }
    } catch { res.writeHead(404).end('not found'); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + SUBPATH, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Debian Chromium with the network quiet (Playwright gives it a fresh profile each
 *  launch); a missing browser is an error, not a skip. */
export async function launch() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Waits until the page has drawn its first chart, or, when even the first chart is far below the
 * fold (a long notice above it), until the lab has rendered: charts are drawn when near the view.
 */
export async function chartsReady(page) {
  await page.locator('canvas').first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.querySelector('canvas[data-drawn-at]')
    || document.querySelector('canvas').getBoundingClientRect().top > 1.5 * innerHeight);
}

/** A page that records console errors, page errors and requests to other origins. `device`:
 *  more of the browser context's options (a touch screen: `{ hasTouch: true, isMobile: true }`). */
export async function openPage(browser, origin, url, viewport = { width: 1280, height: 900 }, device = {}) {
  const page = await browser.newPage({ viewport, ...device });
  const problems = { console: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.foreign.push(r.url()); });
  await page.goto(url);
  await chartsReady(page);
  return { page, problems };
}
