// The size budget of the built site: fails when `dist/` (every file, gzip level 9, as a static
// host sends it) grows past BUDGET_KIB, so the bundle cannot grow unnoticed.
//
// Why this figure and not issue 9's 250 KiB: BENCHMARKS.md ("Session 15") measures what each
// capability the later issues asked for costs (the Tuning lab 74 KiB, saved models 53, the
// classroom 27) and what a visitor waits for (Lighthouse mobile 95–100, LCP 1.1–1.2 s). A change
// that needs more room raises the budget in the same commit, with its figure in BENCHMARKS.md.
//
// Usage: node scripts/bundle-budget.mjs [dist-dir]
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BUDGET_KIB = 634;
const dist = process.argv[2] ?? 'dist';
const sizes = readdirSync(dist).map((f) => [f, gzipSync(readFileSync(join(dist, f)), { level: 9 }).length]);
const total = sizes.reduce((sum, [, n]) => sum + n, 0) / 1024;
for (const [f, n] of sizes.sort((a, b) => b[1] - a[1])) {
  console.log(`${(n / 1024).toFixed(1).padStart(7)} KiB  ${f}`);
}
console.log(`${total.toFixed(1).padStart(7)} KiB  dist/ gzip (budget ${BUDGET_KIB} KiB)`);
if (total > BUDGET_KIB) {
  console.error(`dist/ is ${total.toFixed(1)} KiB gzip, over its budget of ${BUDGET_KIB} KiB.`);
  process.exit(1);
}
