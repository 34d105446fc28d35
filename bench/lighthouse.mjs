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
//   CPU=fitted node bench/lighthouse.mjs   (each load also scored at a CPU slowdown fitted to the machine)
//   RUNS=3 node bench/lighthouse.mjs       (each page loaded 3 times; then the median of each figure)
//
// The preset slows the CPU 4×, which Lighthouse calibrated on a machine with
// a benchmark index of about 1,500 (a high-end desktop); on a slower or busier
// machine it simulates a slower phone than it means to, and Lighthouse then
// warns ("The tested device appears to have a slower CPU than Lighthouse
// expects"). With CPU=fitted each page is loaded once (Lighthouse's gather
// mode) and that load is scored twice (audit mode): with the preset's 4× and
// with the slowdown Lighthouse's throttling guide gives for the benchmark
// index Lighthouse measured just before that load (docs/throttling.md, "CPU
// throttling", and its calculator: 1,533 → 4×, 1,300 → 3×, 800 → 2×,
// 150 → 1×, linear in between). Lighthouse simulates the throttling from an
// unthrottled load, so the two scores differ only in the CPU work's weight.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, ROUTES } from '../e2e/lib/harness.mjs';

const here = import.meta.dirname;
const lhDir = resolve(here, 'lighthouse');
if (!existsSync(resolve(lhDir, 'node_modules/.bin/lighthouse'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: lhDir, stdio: 'inherit' });
}
// Every route with a page of its own (the route table), unless PAGES says which.
const PAGES = process.env.PAGES ? process.env.PAGES.split(',') : ROUTES;
const ENCODINGS = (process.env.ENCODINGS || 'gzip,br').split(',');
const BASE = process.env.BASE || '/';
// Loads of each page per encoding: one load's TBT on a busy machine moves by
// hundreds of milliseconds, so a median of several says more.
const RUNS = Number(process.env.RUNS || 1);
if (!(Number.isInteger(RUNS) && RUNS >= 1)) throw new Error(`RUNS must be a whole number of at least 1, not ${process.env.RUNS}`);

/** The CPU slowdown that makes a machine of this benchmark index a mid-tier phone (Lighthouse's calculator). */
function fittedSlowdown(index) {
  if (index >= 1300) return 3 + (index - 1300) / 233;
  if (index >= 800) return 2 + (index - 800) / 500;
  return Math.max(1, 1 + (index - 150) / 650);
}

const FITTED = process.env.CPU === 'fitted';
if (process.env.CPU && !FITTED) throw new Error(`CPU may only be "fitted", not ${process.env.CPU}`);
/** `v` right-aligned in `n` characters, for the printed tables. */
const p = (v, n) => String(v).padStart(n);
const out = mkdtempSync(join(tmpdir(), 'lh-'));
const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const results = [];
console.log('Lighthouse 13.5, mobile preset (simulated slow 4G, 4× CPU)' + (FITTED ? '; each load scored again with the CPU slowdown fitted to the machine' : ''));
console.log('page           enc   perf  a11y  best  seo   FCP      LCP      TBT      CLS    machine (benchmark index)');
for (const encoding of ENCODINGS) {
  const server = await startServer({ compress: encoding, base: BASE });
  try {
    for (const page of PAGES) for (let run = 1; run <= RUNS; run++) {
      const name = `${encoding}-${page.replace(/\W+/g, '_') || 'root'}-${run}`;
      const file = join(out, `${name}.json`);
      const artifacts = join(out, `${name}-artifacts`);
      const lighthouse = (args) => promisify(execFile)(resolve(lhDir, 'node_modules/.bin/lighthouse'), [
        server.url(page), '--quiet', '--output=json',
        '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${flags}`, ...args,
      ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
      // Asynchronous: the static server runs in this process and must keep answering.
      // Gathered once; scored at 4× (and, with CPU=fitted, again below).
      await lighthouse([`--output-path=${file}`, `--gather-mode=${artifacts}`, `--audit-mode=${artifacts}`]);
      const r = JSON.parse(readFileSync(file, 'utf8'));
      const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
      const a = r.audits;
      const row = {
        page, encoding, run,
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
        // Lighthouse 13 names the element in the LCP breakdown insight.
        lcp_element: (() => {
          const node = (a['lcp-breakdown-insight']?.details?.items ?? []).find((i) => i.type === 'node')
            ?? a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
          return node ? `${node.selector ?? node.snippet}: ${node.nodeLabel ?? ''}` : '';
        })(),
      };
      results.push(row);
      console.log(
        `${page.padEnd(14)} ${encoding.padEnd(4)} ${p(row.performance, 5)} ${p(row.accessibility, 5)} ${p(row.best_practices, 5)} ${p(row.seo, 4)}  ` +
        `${p((row.fcp_ms / 1000).toFixed(1) + ' s', 7)}  ${p((row.lcp_ms / 1000).toFixed(1) + ' s', 7)}  ${p(row.tbt_ms + ' ms', 7)}  ${String(row.cls).padEnd(5)}  ${row.benchmark_index}`,
      );
      console.log(`    LCP element: ${row.lcp_element.slice(0, 100)}`);
      if (FITTED) {
        const slowdown = Number(fittedSlowdown(row.benchmark_index).toFixed(2));
        const fittedFile = join(out, `${name}-fitted.json`);
        // Lighthouse audits saved artifacts only with the settings they were
        // gathered with; under simulated throttling the load was not slowed
        // while gathering, so a copy that names the fitted slowdown is the same load.
        const fittedArtifacts = `${artifacts}-fitted`;
        cpSync(artifacts, fittedArtifacts, { recursive: true });
        const saved = JSON.parse(readFileSync(join(fittedArtifacts, 'artifacts.json'), 'utf8'));
        if (saved.settings.throttlingMethod !== 'simulate') throw new Error('the fitted score needs simulated throttling');
        saved.settings.throttling.cpuSlowdownMultiplier = slowdown;
        writeFileSync(join(fittedArtifacts, 'artifacts.json'), JSON.stringify(saved));
        await lighthouse([`--output-path=${fittedFile}`, `--audit-mode=${fittedArtifacts}`, `--throttling.cpuSlowdownMultiplier=${slowdown}`]);
        const f = JSON.parse(readFileSync(fittedFile, 'utf8'));
        row.fitted = {
          cpu_slowdown: slowdown,
          performance: Math.round(f.categories.performance.score * 100),
          lcp_ms: Math.round(f.audits['largest-contentful-paint'].numericValue),
          tbt_ms: Math.round(f.audits['total-blocking-time'].numericValue),
        };
        console.log(`    fitted to this load's benchmark index (${slowdown}× CPU): performance ${row.fitted.performance}, LCP ${(row.fitted.lcp_ms / 1000).toFixed(1)} s, TBT ${row.fitted.tbt_ms} ms`);
      }
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

/** The middle value (the mean of the two middle ones for an even count). */
function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
const medians = [];
if (RUNS > 1) {
  console.log(`\nMedian of ${RUNS} loads per page and encoding`);
  console.log('page           enc   perf  LCP      TBT      CLS    benchmark index' + (FITTED ? '   fitted: perf  TBT' : ''));
  for (const encoding of ENCODINGS) {
    for (const page of PAGES) {
      const rows = results.filter((r) => r.page === page && r.encoding === encoding);
      const med = (f) => median(rows.map(f));
      const m = {
        page, encoding, runs: rows.length,
        performance: med((r) => r.performance), lcp_ms: med((r) => r.lcp_ms), tbt_ms: med((r) => r.tbt_ms),
        cls: med((r) => r.cls), benchmark_index: med((r) => r.benchmark_index),
        ...(FITTED ? { fitted: { performance: med((r) => r.fitted.performance), tbt_ms: med((r) => r.fitted.tbt_ms) } } : {}),
      };
      medians.push(m);
      console.log(
        `${page.padEnd(14)} ${encoding.padEnd(4)} ${p(m.performance, 5)}  ${p((m.lcp_ms / 1000).toFixed(1) + ' s', 7)}  ${p(Math.round(m.tbt_ms) + ' ms', 7)}  ${String(m.cls).padEnd(5)}  ${m.benchmark_index}` +
        (FITTED ? `              ${p(m.fitted.performance, 4)}  ${p(Math.round(m.fitted.tbt_ms) + ' ms', 7)}` : ''),
      );
    }
  }
}
if (process.env.LH_JSON) writeFileSync(process.env.LH_JSON, JSON.stringify(RUNS > 1 ? { loads: results, medians } : results, null, 2));
