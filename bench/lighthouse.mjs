// Benchmark (not a test): Lighthouse in mobile mode (simulated slow 4G and a
// 4× slower CPU) against the release build in dist/, served on loopback by
// the test harness's static server, in Debian's Chromium. Each route is
// measured served gzip (as GitHub Pages and most static hosts do) and brotli.
// Prints per route and encoding: performance, accessibility, best practices
// and SEO scores, FCP, LCP, TBT and CLS, Lighthouse's benchmark index of the
// machine (the CPU figures scale with it), then every audit that cost points.
//
//   ./x build && node bench/lighthouse.mjs       (or: ./x bench)
//   PAGES=/,/aktiviteter ENCODINGS=gzip node bench/lighthouse.mjs
//   TOL_DIST=dist-sub BASE=/tidoglyst/ node bench/lighthouse.mjs
//   LH_JSON=out.json node bench/lighthouse.mjs      (also writes the figures as JSON)
//   CPU=calibrated node bench/lighthouse.mjs        (the CPU slowdown fitted to this machine)
//
// The preset slows the CPU 4×, which Lighthouse calibrated on a machine with
// a benchmark index of about 1,500 (a high-end desktop); on a slower machine it
// simulates a slower phone than it means to, and Lighthouse warns when the
// index is under 1,000. CPU=calibrated first measures this machine's index
// (the median of five runs of Lighthouse's own benchmark in Chromium) and
// passes the slowdown Lighthouse's throttling guide gives for it
// (docs/throttling.md, "CPU throttling", and its calculator: 1,533 → 4×,
// 1,300 → 3×, 800 → 2×, 150 → 1×, linear in between); CPU=<number> passes that.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, startServer } from '../e2e/lib/harness.mjs';

const here = import.meta.dirname;
const lhDir = resolve(here, 'lighthouse');
if (!existsSync(resolve(lhDir, 'node_modules/.bin/lighthouse'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: lhDir, stdio: 'inherit' });
}
const PAGES = (process.env.PAGES || '/,/droemme,/aktiviteter,/skal-kan,/del,/om').split(',');
const ENCODINGS = (process.env.ENCODINGS || 'gzip,br').split(',');
const BASE = process.env.BASE || '/';

/** The CPU slowdown that makes a machine of this benchmark index a mid-tier phone (Lighthouse's calculator). */
function fittedSlowdown(index) {
  if (index >= 1300) return 3 + (index - 1300) / 233;
  if (index >= 800) return 2 + (index - 800) / 500;
  return Math.max(1, 1 + (index - 150) / 650);
}

/** This machine's benchmark index: the median of `runs` runs of Lighthouse's own benchmark in Chromium. */
async function machineIndex(runs = 5) {
  const { pageFunctions } = await import(resolve(lhDir, 'node_modules/lighthouse/core/lib/page-functions.js'));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const values = [];
    for (let i = 0; i < runs; i++) values.push(await page.evaluate(pageFunctions.computeBenchmarkIndex));
    values.sort((a, b) => a - b);
    return { median: values[Math.floor(runs / 2)], values };
  } finally {
    await browser.close();
  }
}

let slowdown = null; // null: the preset's 4×
if (process.env.CPU === 'calibrated') {
  const { median, values } = await machineIndex();
  slowdown = Number(fittedSlowdown(median).toFixed(2));
  console.log(`This machine's benchmark index: ${Math.round(median)} (runs: ${values.map(Math.round).join(', ')}), so a CPU slowdown of ${slowdown}× in place of 4×`);
} else if (process.env.CPU) {
  slowdown = Number(process.env.CPU);
  if (!(slowdown >= 1)) throw new Error(`CPU must be "calibrated" or a number of at least 1, not ${process.env.CPU}`);
}
const out = mkdtempSync(join(tmpdir(), 'lh-'));
const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const results = [];
console.log(`Lighthouse 13.5, mobile preset (simulated slow 4G, ${slowdown ? `${slowdown}× CPU, fitted to this machine` : '4× CPU'})`);
console.log('page           enc   perf  a11y  best  seo   FCP      LCP      TBT      CLS    machine (benchmark index)');
for (const encoding of ENCODINGS) {
  const server = await startServer({ compress: encoding, base: BASE });
  try {
    for (const page of PAGES) {
      const file = join(out, `${encoding}-${page.replace(/\W+/g, '_') || 'root'}.json`);
      // Asynchronous: the static server runs in this process and must keep answering.
      await promisify(execFile)(resolve(lhDir, 'node_modules/.bin/lighthouse'), [
        server.url(page), '--quiet', '--output=json', `--output-path=${file}`,
        '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${flags}`,
        ...(slowdown ? [`--throttling.cpuSlowdownMultiplier=${slowdown}`] : []),
      ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
      const r = JSON.parse(readFileSync(file, 'utf8'));
      const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
      const a = r.audits;
      const row = {
        page, encoding,
        performance: score('performance'), accessibility: score('accessibility'),
        best_practices: score('best-practices'), seo: score('seo'),
        fcp_ms: Math.round(a['first-contentful-paint'].numericValue),
        lcp_ms: Math.round(a['largest-contentful-paint'].numericValue),
        tbt_ms: Math.round(a['total-blocking-time'].numericValue),
        cls: Number(a['cumulative-layout-shift'].numericValue.toFixed(3)),
        // Lighthouse's measure of this machine's speed: its simulation takes the
        // CPU work it saw times four, so a slower or busier machine gives a
        // longer TBT (and LCP) for the same build.
        benchmark_index: Math.round(r.environment?.benchmarkIndex ?? 0),
        cpu_slowdown: r.configSettings?.throttling?.cpuSlowdownMultiplier ?? null,
        // Lighthouse 13 names the element in the LCP breakdown insight.
        lcp_element: (() => {
          const node = (a['lcp-breakdown-insight']?.details?.items ?? []).find((i) => i.type === 'node')
            ?? a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
          return node ? `${node.selector ?? node.snippet}: ${node.nodeLabel ?? ''}` : '';
        })(),
      };
      results.push(row);
      const p = (v, n) => String(v).padStart(n);
      console.log(
        `${page.padEnd(14)} ${encoding.padEnd(4)} ${p(row.performance, 5)} ${p(row.accessibility, 5)} ${p(row.best_practices, 5)} ${p(row.seo, 4)}  ` +
        `${p((row.fcp_ms / 1000).toFixed(1) + ' s', 7)}  ${p((row.lcp_ms / 1000).toFixed(1) + ' s', 7)}  ${p(row.tbt_ms + ' ms', 7)}  ${String(row.cls).padEnd(5)}  ${row.benchmark_index}`,
      );
      console.log(`    LCP element: ${row.lcp_element.slice(0, 100)}`);
      for (const w of r.runWarnings ?? []) console.log(`    warning: ${String(w).split(' Learn more')[0]}`);
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
}
if (process.env.LH_JSON) writeFileSync(process.env.LH_JSON, JSON.stringify(results, null, 2));
