// Trunk post-build hook: Trunk writes the code that loads the app's WebAssembly as an inline
// <script type="module"> in index.html. A Content-Security-Policy without 'unsafe-inline' (see
// index.html) would block it, so this moves it into a file of its own, loader-<hash>.js, and
// points index.html at it. Runs in Trunk's staging directory (TRUNK_STAGING_DIR).
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
const name = `loader-${createHash('sha256').update(found[1]).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), found[1].trim() + '\n');
writeFileSync(page, html.replace(inline, `<script type="module" src="./${name}"></script>`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(page, 'utf8'))) {
  throw new Error('index.html still has an inline script');
}
