// Trunk post-build hook: minifies wasm-bindgen's JavaScript glue (paramlab-<hash>.js), which
// Trunk's own minifier leaves as it is (it fails on the glue's `export default`): 60 KB of
// readable code become about 27 KB, 2.3 KiB less gzip in `dist/` (BENCHMARKS.md). The file keeps
// its name (one name, one content, as the service worker's cache expects); the page's integrity
// hash for it is recomputed. Runs in Trunk's staging directory (TRUNK_STAGING_DIR), after
// external-loader.mjs.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
// The glue is the script beside the WebAssembly module of the same name.
const files = readdirSync(dir);
const glue = files.find((f) => f.endsWith('.js') && files.includes(f.replace(/\.js$/, '_bg.wasm')));
if (!glue) throw new Error('no wasm-bindgen glue in the build: has Trunk changed its names?');
const source = readFileSync(join(dir, glue), 'utf8');
// `module`: an ES module (top-level names may be renamed, exports keep theirs).
const { code } = await minify(source, { module: true, compress: true, mangle: true });
writeFileSync(join(dir, glue), code);

const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
// The glue's integrity, in the <link rel=modulepreload> Trunk writes (quoted or not).
const tag = new RegExp(`<link\\b[^>]*\\b${glue.replace(/[.]/g, '\\.')}\\b[^>]*>`);
const found = html.match(tag);
if (!found || !/integrity=/.test(found[0])) throw new Error(`no <link> with an integrity hash for ${glue}`);
const updated = found[0].replace(/integrity=["']?sha384-[A-Za-z0-9+/=]+["']?/, `integrity=${integrity}`);
writeFileSync(page, html.replace(found[0], updated));
