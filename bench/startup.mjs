// Benchmark (not a test): what a page does between its wasm's arrival and its
// largest contentful paint. Loads each page in a fresh profile of Debian's
// Chromium with the CPU slowed 4× (as Lighthouse's mobile preset assumes),
// from the release build in dist/ served brotli by the test harness's static
// server (each file compressed once, on a first warm-up load), records a
// trace, and prints: when the wasm arrived, first and largest contentful
// paint, the main-thread work between the wasm's arrival and the LCP, and the
// longest tasks of that stretch with what they spent the most on. Where the
// LCP came before the wasm (the static first paint), the same for the app's
// start: the 4 s after the wasm's arrival, and the blocking time in it (each
// task's time over 50 ms, what Lighthouse's TBT adds up, here at 4×).
//
// First, for every route of the table (and a record's page of each part):
// the time from the navigation until the page answers a tap (the app has
// replaced the static first paint, so its buttons and links work), at 4×
// CPU and Lighthouse's mobile network (150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up), the median of RUNS loads (3 unless set), each in a fresh
// profile (a first visit).
//
//   ./x build && node bench/startup.mjs
//   PAGES=/droemme/<id>,/aktiviteter/lister TASKS=10 node bench/startup.mjs
//   TAP_ONLY=1 RUNS=5 node bench/startup.mjs
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST, VIEWPORTS, ROUTES, launch, startServer } from '../e2e/lib/harness.mjs';

// A dream and a workshop this browser does not have, and an example activity: a record's
// page is drawn by the app (the route pages' largest text is static and comes first).
const NOT_HERE = '0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const EXAMPLE = JSON.parse(readFileSync(resolve(DIST, 'catalogue.json'), 'utf8')).activities[0].id;
const PAGES = (process.env.PAGES ||
  `/droemme/${NOT_HERE},/aktiviteter/${EXAMPLE},/skal-kan/${NOT_HERE}?visning=projektor,/droemme`).split(',');
// What a task's time is told in: script, the wasm's compiling, style and layout.
const KINDS = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'wasm.CompileLazy', 'v8.wasm.compileConsume',
  'wasm.SyncInstantiate', 'UpdateLayoutTree', 'Layout', 'Paint', 'ParseHTML', 'EventDispatch']);
const CATEGORIES = 'blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,loading';

const server = await startServer({ compress: 'br' });
const browser = await launch();
const ms = (us) => `${(us / 1000).toFixed(0)} ms`;

/** One load of `path` in a fresh profile; the trace's events (or none). */
async function load(path, trace) {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'da-DK' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  if (trace) await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(server.url(path));
  // A fixed wait: a script of Playwright's own (waitForFunction) would be in the trace.
  await page.waitForTimeout(6000);
  if (trace) {
    await cdp.send('Tracing.end');
    await complete;
  }
  await context.close();
  return events;
}

/** Milliseconds from the navigation until the app's page is in place of the static one, in a fresh profile. */
async function firstTap(path) {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'da-DK' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.querySelector('main#main') && !document.querySelector('[data-shell]'), null, { timeout: 60_000, polling: 50 });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

const RUNS = Number(process.env.RUNS || 3);
const TAP_PAGES = [...ROUTES, `/droemme/${NOT_HERE}`, `/aktiviteter/${EXAMPLE}`, `/skal-kan/${NOT_HERE}?visning=projektor`];
console.log(`Until the page answers a tap: CPU 4×, Lighthouse's mobile network, served brotli, median of ${RUNS} first visits`);
await firstTap('/'); // warm-up: the server compresses each file once
for (const path of TAP_PAGES) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstTap(path));
  times.sort((a, b) => a - b);
  console.log(`  ${path.padEnd(60)} ${String(Math.round(times[Math.floor(times.length / 2)])).padStart(6)} ms  (${times.map(Math.round).join(', ')})`);
}
if (process.env.TAP_ONLY) {
  await browser.close();
  await server.close();
  process.exit(0);
}

console.log('\nPage start-up in Chromium, CPU 4× slower, served brotli (times from the navigation)');
for (const path of PAGES) {
  await load(path, false); // warm-up: the server compresses each file once
  const events = await load(path, true);
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
  const lcps = events.filter((e) => e.name === 'largestContentfulPaint::Candidate');
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const sent = new Map(events.filter((e) => e.name === 'ResourceSendRequest').map((e) => [e.args.data.requestId, e.args.data.url]));
  const wasmDone = events.find((e) => e.name === 'ResourceFinish' && /_bg\.wasm$/.test(sent.get(e.args.data.requestId) || ''));
  if (!start || !lcps.length || !wasmDone) {
    console.log(`${path}: the trace lacks the navigation, an LCP or the wasm's arrival`);
    continue;
  }
  const lcp = lcps[lcps.length - 1];
  const t0 = start.ts;
  // The page's main thread is the one that reported the paints.
  const onMain = (e) => e.pid === lcp.pid && e.tid === lcp.tid;
  console.log(`\n${path}`);
  console.log(`  wasm arrived ${ms(wasmDone.ts - t0)}, FCP ${fcp ? ms(fcp.ts - t0) : '-'}, LCP ${ms(lcp.ts - t0)} (${lcp.args.data.nodeName || ''}, ${lcp.args.data.size} px²)`);
  const paintedFirst = lcp.ts < wasmDone.ts;
  const end = paintedFirst ? wasmDone.ts + 4e6 : lcp.ts;
  const tasks = events.filter((e) => e.name === 'RunTask' && onMain(e) && e.ts + e.dur > wasmDone.ts && e.ts < end);
  const busy = tasks.reduce((sum, t) => sum + Math.min(t.ts + t.dur, end) - Math.max(t.ts, wasmDone.ts), 0);
  const blocking = tasks.reduce((sum, t) => sum + Math.max(0, t.dur - 50e3), 0);
  if (paintedFirst) {
    console.log(`  the LCP came before the wasm; the app's start, the 4 s after the wasm's arrival: main-thread tasks ${ms(busy)}, blocking ${ms(blocking)}`);
  } else {
    console.log(`  from the wasm's arrival to the LCP: ${ms(lcp.ts - wasmDone.ts)}, of which main-thread tasks ${ms(busy)}, blocking ${ms(blocking)}`);
  }
  // The longest TASKS (4 unless set) of them, in the order they ran.
  const longest = [...tasks].sort((a, b) => b.dur - a.dur).slice(0, Number(process.env.TASKS || 4));
  for (const t of longest.sort((a, b) => a.ts - b.ts)) {
    const inner = events.filter((e) => onMain(e) && KINDS.has(e.name) && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    // An event inside another of its name is counted once.
    const outer = inner.filter((e) => !inner.some((o) => o !== e && o.name === e.name && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));
    const sums = new Map();
    for (const e of outer) sums.set(e.name, (sums.get(e.name) || 0) + e.dur);
    const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, d]) => `${n} ${ms(d)}`).join(', ');
    console.log(`    task at ${ms(t.ts - t0)}: ${ms(t.dur)} (${top})`);
  }
}
await browser.close();
await server.close();
