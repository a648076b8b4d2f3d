// Trunk post-build hook: Trunk writes the code that loads the app's WebAssembly as an inline
// <script type="module"> in index.html. A Content-Security-Policy without 'unsafe-inline' (see
// index.html) would block it, so this moves it into a file of its own, loader-<hash>.js, and
// points index.html at it; the loader waits for the first paint, and the page no longer preloads
// the WebAssembly (both explained below). Runs in Trunk's staging directory (TRUNK_STAGING_DIR).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
// (Quoted or not: a minified page writes <script type=module>.)
const inline = /<script type=["']?module["']?>([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) throw new Error('no inline module script in index.html: has Trunk changed its loader?');
// The app starts after the page's own text (the idea, shown while the WebAssembly loads) has
// been painted once: when the module is already cached it would otherwise replace that text
// before the first paint, and the page's first contentful paint would wait for the app. The
// browser reports that paint ('first-contentful-paint') once the frame is on the screen; two
// animation frames, as this waited before, can pass with the frame not yet shown, or dropped on a
// busy computer, and the app's heading then became the largest paint (a CI run, session 45).
// Where paint timing is missing, after two animation frames; where the page is hidden (it is not
// painted, so nothing is reported), after at most 3 s. It costs a frame or two, and only when the
// module is already there.
const afterFirstPaint = `await new Promise((painted) => {
  const start = () => { clearTimeout(cap); setTimeout(painted); };
  const cap = setTimeout(start, 3000);
  if (!(globalThis.PerformanceObserver?.supportedEntryTypes || []).includes('paint')) {
    requestAnimationFrame(() => requestAnimationFrame(start));
    return;
  }
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); start(); }
  }).observe({ type: 'paint', buffered: true });
});
`;
const code = found[1].trim().replace(/^((?:import[^;]*;\s*)+)/, `$1${afterFirstPaint}`);
if (!code.includes(afterFirstPaint)) throw new Error('the loader does not start with its imports: has Trunk changed it?');
const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code + '\n');
// Trunk also preloads the WebAssembly from the page's head. On a slow phone that download (the
// biggest file by far) then shares the network with the style sheet the first paint waits for;
// without the preload it starts when the loader asks for it, once the text is on screen.
const wasmPreload = /<link\b(?=[^>]*\brel=["']?preload\b)(?=[^>]*\.wasm\b)[^>]*>/;
writeFileSync(page, html.replace(inline, `<script type="module" src="./${name}"></script>`).replace(wasmPreload, ''));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(page, 'utf8'))) {
  throw new Error('index.html still has an inline script');
}
