// Benchmark (not a test): Lighthouse in mobile mode (simulated slow 4G and a
// 4× slower CPU) against the release build in dist/, served on loopback by
// the test harness's static server with brotli like a real static host, in
// Debian's Chromium. Prints the
// performance, accessibility, best-practices and SEO scores per page, and the
// main timings.
//
//   ./x build && node bench/lighthouse.mjs       (or: ./x bench)
//   PAGES=/,/aktiviteter node bench/lighthouse.mjs
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../e2e/lib/harness.mjs';

const here = import.meta.dirname;
const lhDir = resolve(here, 'lighthouse');
if (!existsSync(resolve(lhDir, 'node_modules/.bin/lighthouse'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: lhDir, stdio: 'inherit' });
}
const PAGES = (process.env.PAGES || '/,/droemme,/aktiviteter,/skal-kan,/del,/om').split(',');
const server = await startServer({ compress: true });
const out = mkdtempSync(join(tmpdir(), 'lh-'));
const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
console.log(`Lighthouse 13.5, mobile preset, ${server.origin}`);
console.log('page            perf  a11y  best  seo   FCP      LCP      TBT     CLS');
try {
  for (const page of PAGES) {
    const file = join(out, `${page.replace(/\W+/g, '_') || 'root'}.json`);
    // Asynchronous: the static server runs in this process and must keep answering.
    await promisify(execFile)(resolve(lhDir, 'node_modules/.bin/lighthouse'), [
      server.url(page), '--quiet', '--output=json', `--output-path=${file}`,
      '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${flags}`,
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const score = (c) => String(Math.round((r.categories[c]?.score ?? 0) * 100)).padStart(4);
    const a = r.audits;
    console.log(
      `${page.padEnd(14)} ${score('performance')}  ${score('accessibility')}  ${score('best-practices')}  ${score('seo')}  ` +
      `${a['first-contentful-paint'].displayValue.padEnd(8)} ${a['largest-contentful-paint'].displayValue.padEnd(8)} ` +
      `${a['total-blocking-time'].displayValue.padEnd(7)} ${a['cumulative-layout-shift'].displayValue}`,
    );
    for (const c of ['performance', 'accessibility', 'best-practices', 'seo']) {
      for (const ref of r.categories[c].auditRefs) {
        const au = a[ref.id];
        if (ref.weight > 0 && au.score !== null && au.score < 1) console.log(`    ${c}: ${au.title} (${au.displayValue || au.score})`);
      }
    }
  }
} finally {
  await server.close();
}
