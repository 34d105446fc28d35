// Benchmark (not a test): the shared board ("Fælles tavle") against a real
// CouchDB-compatible server. It starts pouchdb-server in memory (the e2e
// harness's startCouch), serves the built app (dist/) with /tavle/ forwarded
// to it on the same origin (as docs/SYNC.md recommends), and prints:
//   1. claim → display: a coordinator's tablet and a runner's phone, both
//      connected on /del as different users; the coordinator posts a dream
//      through the form (20 runners wanted, so claims stay allowed) and keeps
//      its page open; the runner opens it, types a name and taps "Jeg tager
//      den". Measured from the tap (a click listener in the runner's page)
//      until the coordinator's `.dream-claims` shows the name (a
//      MutationObserver in the coordinator's page), both as Date.now() on
//      this machine. Then "Slip igen" (a released claim is not listed), wait
//      until the tablet shows it gone, and claim again under another name:
//      CLAIMS times (15 unless set); median and p95.
//   2. bytes per claim: the request and response bodies to and from /tavle/
//      on the runner's page from the tap until the board traffic of both
//      pages has been quiet for 800 ms, and on the coordinator's page over
//      the same stretch (it receives the claim); median over the claims, and
//      the dream's document size on the board at the end. Bodies as on the
//      wire (Playwright's request.sizes(): pouchdb-server compresses answers
//      over 1 kB, brotli or gzip; Apache CouchDB does not, a proxy in front
//      may), and unpacked (what a plain CouchDB sends).
//   3. first sync: DREAMS dreams (200) and ACTIVITIES activities (5,219)
//      written to a fresh board with _bulk_docs as its admin, in the
//      document format (the dreams copied from the one the form posted,
//      with new ids and titles); then a fresh profile connects on /del (it
//      syncs every kind). Time from "Forbind" until the card says
//      "Synkroniseret kl." (a click listener and a MutationObserver in the
//      page); the requests to /tavle/ and their body bytes
//      meanwhile; the longest main-thread task meanwhile (a 'longtask'
//      PerformanceObserver added before the page loads); the /del stats
//      line; and when IndexedDB holds every record.
// A small table of the figures comes last. It prints figures, never
// pass/fail; the times are those of this machine (nothing throttled).
//
//   ./x build && node bench/sync.mjs            (or: ./x bench)
//   CLAIMS=5 ACTIVITIES=2000 node bench/sync.mjs
//   VERBOSE=1 node bench/sync.mjs      (every request of each claim and of the first sync)
import { randomUUID } from 'node:crypto';
import { startCouch, startServer, launch, newPage, open, postBoardDream } from '../e2e/lib/harness.mjs';
import { pct } from './lib/keystrokes.mjs';

const CLAIMS = Number(process.env.CLAIMS || 15);
const DREAMS = Number(process.env.DREAMS || 200);
const ACTIVITIES = Number(process.env.ACTIVITIES || 5219);
const PEOPLE = { lone: 'lone-hemmelig', runner: 'runner-hemmelig', ny: 'ny-hemmelig' };
const CLAIM_DB = 'bench-claims';
const FIRST_DB = 'bench-first-sync';
const TITLE = 'Tur til Vesterhavet';

const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');
const kb = (b) => (Number.isFinite(b) ? (b < 10240 ? `${(b / 1024).toFixed(1)} kB` : `${Math.round(b / 1024)} kB`) : '—');
const da = (n) => n.toLocaleString('da-DK');
const sleep = (t) => new Promise((ok) => setTimeout(ok, t));


/**
 * Records every request of `page` to /tavle/: when it started and ended,
 * its method and path, and its body sizes (request.sizes(), read after it
 * finished; a request called off has no sizes: counted as aborted).
 */
function trackBoard(page) {
  const entries = [];
  const byRequest = new Map();
  const reading = new Set();
  const t = { entries, last: Date.now() };
  const isBoard = (r) => /^https?:/.test(r.url()) && new URL(r.url()).pathname.startsWith('/tavle/');
  page.on('request', (r) => {
    if (!isBoard(r)) return;
    t.last = Date.now();
    const u = new URL(r.url());
    const e = {
      start: Date.now(), end: null, method: r.method(), path: u.pathname.replace(/^\/tavle\/[^/]+\/?/, '/') + u.search,
      longPoll: u.searchParams.get('feed') === 'longpoll', req: r.postDataBuffer()?.length ?? 0, res: 0, json: 0,
      reqHeaders: 0, resHeaders: 0, encoding: null, failed: false, status: null,
    };
    byRequest.set(r, e);
    entries.push(e);
  });
  page.on('requestfinished', (r) => {
    const e = byRequest.get(r);
    if (!e) return;
    t.last = e.end = Date.now();
    const p = Promise.all([r.sizes(), r.response()])
      .then(async ([s, answer]) => {
        Object.assign(e, { req: s.requestBodySize, res: s.responseBodySize, reqHeaders: s.requestHeadersSize, resHeaders: s.responseHeadersSize, status: answer?.status() ?? null });
        e.encoding = (await answer?.headerValue('content-encoding').catch(() => null)) || null;
        e.json = (await answer?.body().catch(() => null))?.length ?? e.res;
      })
      .catch(() => {})
      .finally(() => reading.delete(p));
    reading.add(p);
  });
  page.on('requestfailed', (r) => {
    const e = byRequest.get(r);
    if (!e) return;
    t.last = e.end = Date.now();
    e.failed = true;
  });
  /**
   * The requests that ended (`by` 'end') or started and have ended (`by`
   * 'start') between `from` and `to` (ms since the epoch), summed.
   */
  t.between = async (from, to, by = 'end') => {
    await Promise.all([...reading]);
    const done = entries.filter((e) => e.end !== null && e[by] >= from && e[by] <= to);
    const sum = (k) => done.reduce((s, e) => s + e[k], 0);
    return {
      requests: done.length,
      aborted: done.filter((e) => e.failed).length,
      req: sum('req'),
      res: sum('res'),
      json: sum('json'),
      packed: done.filter((e) => e.encoding).length,
      encodings: [...new Set(done.map((e) => e.encoding).filter(Boolean))].join(', '),
      headers: sum('reqHeaders') + sum('resHeaders'),
      list: done,
    };
  };
  return t;
}

/** The requests of a `between` answer, one a line (VERBOSE=1). */
const show = (x) => x.list.map((e) => `${e.method} ${e.path.replace(/&timeout=\d+/, '')}${e.failed ? ' (called off)' : ''} ↑${e.req} ↓${e.res}${e.encoding ? ` ${e.encoding}` : ''} (${e.json} unpacked)`).join('\n      ');

/** Waits until none of `trackers` has seen a board request start or end for `quietMs`. */
async function quiet(trackers, quietMs = 800, max = 30000) {
  const t0 = Date.now();
  while (Date.now() - t0 < max) {
    if (trackers.every((t) => Date.now() - t.last >= quietMs)) return Date.now() - quietMs;
    await sleep(50);
  }
  return Date.now();
}

/** Connects the profile of `page` to the board `db` on /del as `name`, and waits for the first sync. */
async function connected(server, page, db, name, { timeout = 30000 } = {}) {
  await open(page, server, '/del');
  const card = page.locator('.board-card');
  await card.getByLabel('Tavlens adresse').fill(`/tavle/${db}`);
  await card.getByLabel('Navn', { exact: true }).fill(name);
  await card.getByLabel('Adgangskode').fill(PEOPLE[name]);
  await card.getByRole('button', { name: 'Forbind' }).click();
  await card.locator('.board-status').getByText(/Synkroniseret kl\./).waitFor({ timeout });
}

/** The board's documents, read as its admin. */
async function boardDocs(couch, db) {
  const r = await couch.request(`/${db}/_all_docs?include_docs=true`);
  if (r.status !== 200) throw new Error(`_all_docs: ${r.status}`);
  return r.body.rows.map((row) => row.doc);
}

/** Counts of the app's IndexedDB stores (never creates the database). */
const storedCounts = (page) =>
  page.evaluate(async () => {
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    if (!dbs.some((d) => d.name === 'tidoglyst')) return {};
    return new Promise((ok) => {
      const req = indexedDB.open('tidoglyst');
      req.onerror = () => ok({});
      req.onsuccess = () => {
        const db = req.result;
        const names = [...db.objectStoreNames];
        const out = {};
        if (!names.length) return db.close(), ok(out);
        const tx = db.transaction(names);
        for (const n of names) tx.objectStore(n).count().onsuccess = (e) => (out[n] = e.target.result);
        tx.oncomplete = () => (db.close(), ok(out));
        tx.onerror = () => (db.close(), ok(out));
      };
    });
  });

const couch = await startCouch();
for (const [name, password] of Object.entries(PEOPLE)) await couch.createUser(name, password);
await couch.createDb(CLAIM_DB, { members: ['lone', 'runner'] });
await couch.createDb(FIRST_DB, { members: ['ny'] });
const server = await startServer({ proxy: { '/tavle/': couch.url } });
const browser = await launch();
console.log(`Shared board benchmark (${new Date().toISOString()}), pouchdb-server in memory behind ${server.origin}/tavle/, headless Chromium, no throttling`);

// ---- 1 and 2: claim → display, bytes per claim -------------------------------
const coord = await newPage(browser, server, { size: 'tablet' });
const runner = await newPage(browser, server, { size: 'phone' });
const coordTraffic = trackBoard(coord.page);
const runnerTraffic = trackBoard(runner.page);
// The tap's time, in the runner's page, whatever page it is on.
await runner.context.addInitScript(() => {
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element && e.target.closest('button');
    if (b && b.textContent.includes('Jeg tager den')) window.__tap = Date.now();
  }, true);
});
await connected(server, coord.page, CLAIM_DB, 'lone');
await connected(server, runner.page, CLAIM_DB, 'runner');
const dreamPath = new URL(await postBoardDream(coord.page, server, { title: TITLE, runners: 20, note: 'Bor på Strandvejen 4' })).pathname;
const dreamId = dreamPath.split('/').pop();
// The dream on the board, as the form posted it (the template for part 3).
let template = null;
for (let i = 0; i < 300 && !template; i++) {
  template = (await boardDocs(couch, CLAIM_DB)).find((d) => d.kind === 'dream') || null;
  if (!template) await sleep(100);
}
if (!template) throw new Error('the posted dream never reached the board');
const templateBytes = JSON.stringify(template).length;

await open(runner.page, server, dreamPath);
await runner.page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30000 });
await quiet([coordTraffic, runnerTraffic]);

/** In the coordinator's page: the time `.dream-claims` first includes (or, with `gone`, no longer includes) `name`. */
const watchClaims = (name, gone = false) =>
  coord.page.evaluate(([name, gone]) => {
    window.__obs?.disconnect();
    window.__seen = null;
    const check = () => {
      const el = document.querySelector('.dream-claims');
      const has = !!el && el.textContent.includes(name);
      if (window.__seen === null && (gone ? el && !has : has)) window.__seen = Date.now();
    };
    window.__obs = new MutationObserver(check);
    window.__obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    check();
  }, [name, gone]);
const seenAt = () => coord.page.waitForFunction(() => window.__seen, null, { timeout: 30000, polling: 20 }).then((h) => h.jsonValue());

const latencies = [];
const runnerBytes = [];
const coordBytes = [];
const failures = [];
for (let i = 1; i <= CLAIMS; i++) {
  const name = `Løber-${String(i).padStart(2, '0')}`;
  try {
    await runner.page.getByLabel('Dit navn').fill(name);
    await runner.page.getByLabel('Din telefon eller mail').fill(`loeber${i}@example.dk`);
    await watchClaims(name);
    await runner.page.evaluate(() => (window.__tap = null));
    await runner.page.getByRole('button', { name: 'Jeg tager den' }).click();
    const seen = await seenAt();
    const tap = await runner.page.evaluate(() => window.__tap);
    latencies.push(seen - tap);
    await runner.page.getByRole('button', { name: 'Slip igen' }).waitFor();
    const end = await quiet([coordTraffic, runnerTraffic]);
    const r = await runnerTraffic.between(tap, end);
    const c = await coordTraffic.between(tap, end);
    runnerBytes.push(r);
    coordBytes.push(c);
    if (process.env.VERBOSE) {
      console.log(`  claim ${i}: ${seen - tap} ms\n    runner:\n      ${show(r)}\n    coordinator:\n      ${show(c)}`);
    }
    // "Slip igen": a released claim is not listed; wait until the tablet shows that.
    await watchClaims(name, true);
    await runner.page.getByRole('button', { name: 'Slip igen' }).click();
    await seenAt();
    await runner.page.getByRole('button', { name: 'Jeg tager den' }).waitFor();
    await quiet([coordTraffic, runnerTraffic]);
  } catch (e) {
    failures.push(`claim ${i}: ${e.message.split('\n')[0]}`);
    break;
  }
}
const finalDream = (await boardDocs(couch, CLAIM_DB)).find((d) => d._id === `dream:${dreamId}`) || template;
const finalBytes = JSON.stringify(finalDream).length;
const med = (xs, k) => pct(xs.map((x) => x[k]), 50);

console.log(`\n1. Claim → shown on the coordinator's open dream page (${latencies.length} claims, claim and release alternating)`);
console.log(`   median ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, min ${ms(Math.min(...latencies))}, max ${ms(Math.max(...latencies))}`);
console.log(`   each: ${latencies.map((x) => Math.round(x)).join(', ')} ms`);
for (const f of failures) console.log(`   FAILED ${f}`);
console.log(`\n2. Bytes per claim (request + response bodies to /tavle/, from the tap until 800 ms without board traffic; median)`);
console.log(`   runner's phone:   ${med(runnerBytes, 'requests')} requests (${med(runnerBytes, 'aborted')} long poll called off), ↑ ${kb(med(runnerBytes, 'req'))}, ↓ ${kb(med(runnerBytes, 'res'))} (${kb(med(runnerBytes, 'json'))} unpacked); headers ${kb(med(runnerBytes, 'headers'))}`);
console.log(`   coordinator:      ${med(coordBytes, 'requests')} requests, ↑ ${kb(med(coordBytes, 'req'))}, ↓ ${kb(med(coordBytes, 'res'))} (${kb(med(coordBytes, 'json'))} unpacked); headers ${kb(med(coordBytes, 'headers'))}`);
console.log(`   first claim → last: runner ↑ ${kb(runnerBytes[0]?.req)} → ${kb(runnerBytes.at(-1)?.req)}, coordinator ↓ ${kb(coordBytes[0]?.res)} → ${kb(coordBytes.at(-1)?.res)}`);
console.log(`   the dream's document: ${kb(templateBytes)} as posted, ${kb(finalBytes)} after ${latencies.length} claims and releases (${Object.keys(finalDream.claims || {}).length} claims, ${(finalDream.log || []).length} log entries kept)`);
if (coord.problems.errors.length || runner.problems.errors.length) console.log('   page errors:', [...coord.problems.errors, ...runner.problems.errors].slice(0, 5));
await coord.context.close();
await runner.context.close();

// ---- 3: first sync of DREAMS dreams and ACTIVITIES activities ------------------
const rev = { at: new Date().toISOString(), n: 0, by: 'importer01' };
const { _id, _rev, ...dreamFields } = template;
const docs = [];
for (let i = 0; i < DREAMS; i++) {
  const id = randomUUID();
  docs.push({ ...dreamFields, _id: `dream:${id}`, id, title: `Drøm nr. ${i + 1}`, claims: [], log: (dreamFields.log || []).map((e) => ({ ...e })) });
}
for (let i = 0; i < ACTIVITIES; i++) {
  const id = randomUUID();
  docs.push({
    _id: `activity:${id}`, kind: 'activity', format: 'tid-og-lyst-record', version: 1,
    id, rev, title: `Fælles aktivitet nr. ${i + 1}`, organizer: 'Frivilligcenter Assens', municipality: 'Assens',
  });
}
const w0 = Date.now();
for (let i = 0; i < docs.length; i += 1000) {
  const r = await couch.request(`/${FIRST_DB}/_bulk_docs`, { method: 'POST', body: { docs: docs.slice(i, i + 1000) } });
  const bad = Array.isArray(r.body) ? r.body.filter((row) => row.error) : [r.body];
  if (r.status >= 300 || bad.length) throw new Error(`_bulk_docs: ${r.status} ${JSON.stringify(bad.slice(0, 2))}`);
}
const info = (await couch.request(`/${FIRST_DB}`)).body;
console.log(`\n3. First sync: ${da(DREAMS)} dreams and ${da(ACTIVITIES)} activities on a fresh board (${info.doc_count} documents, ${kb(JSON.stringify(docs).length)} of JSON, written by the admin in ${ms(Date.now() - w0)})`);

const fresh = await newPage(browser, server, { size: 'tablet' });
await fresh.page.addInitScript(() => {
  window.__longtasks = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
});
const freshTraffic = trackBoard(fresh.page);
await open(fresh.page, server, '/del');
const card = fresh.page.locator('.board-card');
await card.getByLabel('Tavlens adresse').fill(`/tavle/${FIRST_DB}`);
await card.getByLabel('Navn', { exact: true }).fill('ny');
await card.getByLabel('Adgangskode').fill(PEOPLE.ny);
await fresh.page.locator('p.stats').waitFor();
// In the page: when "Forbind" is clicked, and when the card first says "Synkroniseret kl.".
await fresh.page.evaluate(() => {
  window.__synced = null;
  window.__connect = null;
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element && e.target.closest('button');
    if (b && b.textContent.includes('Forbind') && window.__connect === null) window.__connect = { at: Date.now(), perf: performance.now() };
  }, true);
  const check = () => {
    const el = document.querySelector('.board-card .board-status');
    if (window.__synced === null && el && /Synkroniseret kl\./.test(el.textContent)) window.__synced = { at: Date.now(), perf: performance.now(), text: el.textContent };
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
});
await card.getByRole('button', { name: 'Forbind' }).click();
let syncMs = null;
let statusLine = '';
try {
  await fresh.page.waitForFunction(() => window.__synced, null, { timeout: 300000, polling: 100 });
} catch {
  statusLine = await card.locator('.board-status').innerText().catch(() => '');
  console.log(`   NOT synced within 300 s; the card says: ${JSON.stringify(statusLine)}`);
}
const { connect, synced } = await fresh.page.evaluate(() => ({ connect: window.__connect, synced: window.__synced }));
const f0 = connect.at;
const f1 = synced?.at ?? Date.now();
if (synced) {
  syncMs = synced.at - connect.at;
  statusLine = synced.text;
}
const perf0 = connect.perf;
const longDuringSync = await fresh.page.evaluate(([a, b]) => Math.max(0, ...window.__longtasks.filter((t) => t.start >= a && t.start <= b).map((t) => t.duration)), [perf0, synced?.perf ?? Infinity]);
await quiet([freshTraffic]);
const syncTraffic = await freshTraffic.between(f0, f1, 'start');
if (process.env.VERBOSE) console.log(`      ${show(syncTraffic)}`);
// Every record in IndexedDB (and the /del stats line).
let stored = {};
let storedMs = null;
while (Date.now() - f0 < 300000) {
  stored = await storedCounts(fresh.page);
  if ((stored.dreams || 0) >= DREAMS && (stored.activities || 0) >= ACTIVITIES) {
    storedMs = Date.now() - f0;
    break;
  }
  await sleep(100);
}
const longUntilStored = await fresh.page.evaluate((a) => Math.max(0, ...window.__longtasks.filter((t) => t.start >= a).map((t) => t.duration)), perf0);
const stats = await fresh.page.locator('p.stats').innerText();
const kinds = {};
for (const e of syncTraffic.list) {
  const k = e.longPoll ? '_changes (long poll)' : e.path.startsWith('/_changes') ? '_changes' : e.path.startsWith('/_all_docs') ? '_all_docs' : e.path.startsWith('/_bulk_docs') ? '_bulk_docs' : 'GET the database';
  kinds[k] = (kinds[k] || 0) + 1;
}
console.log(`   "Forbind" → "Synkroniseret": ${ms(syncMs)}; the card then says ${JSON.stringify(statusLine)}`);
console.log(`   requests to /tavle/ meanwhile: ${syncTraffic.requests} (${Object.entries(kinds).map(([k, n]) => `${n}× ${k}`).join(', ')}); bodies ↑ ${kb(syncTraffic.req)}, ↓ ${kb(syncTraffic.res)} on the wire (${syncTraffic.packed} of ${syncTraffic.requests} answers compressed by pouchdb-server${syncTraffic.encodings ? `, ${syncTraffic.encodings}` : ''}; ${kb(syncTraffic.json)} unpacked); headers ${kb(syncTraffic.headers)}`);
console.log(`   longest main-thread task: ${ms(longDuringSync)} until "Synkroniseret", ${ms(longUntilStored)} until all stored`);
console.log(`   IndexedDB: ${stored.dreams ?? 0} dreams, ${stored.activities ?? 0} activities${storedMs === null ? ' (not all within 300 s)' : `, all stored ${ms(storedMs)} after "Forbind"`}`);
console.log(`   /del says: ${JSON.stringify(stats)}`);
if (fresh.problems.errors.length) console.log('   page errors:', fresh.problems.errors.slice(0, 5));
await fresh.context.close();

console.log(`\nSummary (load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')})`);
const rows = [
  ['claim → shown on the tablet, median', ms(pct(latencies, 50))],
  ['claim → shown on the tablet, p95', ms(pct(latencies, 95))],
  ['bytes per claim, runner ↑ / ↓ (bodies)', `${kb(med(runnerBytes, 'req'))} / ${kb(med(runnerBytes, 'res'))} (${kb(med(runnerBytes, 'json'))} unpacked) in ${med(runnerBytes, 'requests')} requests`],
  ['bytes per claim, coordinator ↑ / ↓ (bodies)', `${kb(med(coordBytes, 'req'))} / ${kb(med(coordBytes, 'res'))} (${kb(med(coordBytes, 'json'))} unpacked) in ${med(coordBytes, 'requests')} requests`],
  [`first sync (${da(DREAMS)} dreams + ${da(ACTIVITIES)} activities)`, ms(syncMs)],
  ['first sync requests, ↑ / ↓ (bodies)', `${syncTraffic.requests}, ${kb(syncTraffic.req)} / ${kb(syncTraffic.res)} (${kb(syncTraffic.json)} unpacked)`],
  ['first sync longest main-thread task', ms(longDuringSync)],
  ['first sync all in IndexedDB', storedMs === null ? `no (${stored.dreams ?? 0} dreams, ${stored.activities ?? 0} activities)` : `${ms(storedMs)} (${stored.dreams} dreams, ${stored.activities} activities)`],
];
const w = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);

await browser.close();
await server.close();
await couch.stop();
