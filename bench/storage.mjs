// Benchmark (not a test): how the data layer copes with real lists. For each
// size (5,219 = Socialkompas' offers, 50,000 = the design's upper bound) it
// opens the built app (dist/) in a fresh profile, imports a CSV of that many
// activities on /aktiviteter/lister and prints
//   - import: time from picking the file to the preview, time from "Importér
//     de gode rækker" to the done message, and the longest main-thread task
//     seen meanwhile (PerformanceObserver 'longtask'), and when every record
//     is in IndexedDB (the way back to the list, the edit and the reload
//     wait for that);
//   - reload: time from reload until the list first shows stored activities
//     and until it shows all of them, and how many it shows then (did the
//     import survive?);
//   - edit (50,000 only): change one activity's title, time from "Gem" until
//     the new title is in storage (IndexedDB or local storage);
//   - search: keystroke → updated list, median and p95, over the own
//     activities (measured as bench/activities.mjs does);
//   - json: the same activities as an export file imported on /del in a
//     fresh profile: time to the preview, "Flet ind", "Fortryd sidste
//     import", and the longest main-thread task of each (NO_JSON=1 skips it).
// It prints figures, never pass/fail.
//
//   ./x build && node bench/storage.mjs
//   SIZES=5219 node bench/storage.mjs
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, newPage, open, openLists, backToSearch } from '../e2e/lib/harness.mjs';
import { syntheticCatalogue, catalogueCsv } from '../tools/catalogue.mjs';
import { keystrokeTimes, pct } from './lib/keystrokes.mjs';

const SIZES = (process.env.SIZES || '5219,50000').split(',').map(Number);
const ms = (x) => (Number.isFinite(x) ? `${x < 100 ? x.toFixed(1) : Math.round(x)} ms` : "—");
const da = (n) => (n == null ? '?' : n.toLocaleString('da-DK'));

/** The number the result count shows, once the catalogue has loaded. */
async function shownCount(page, { expect, timeout = 180000 } = {}) {
  const status = page.locator('p.result-count');
  const t0 = Date.now();
  let last = null;
  let stableSince = Date.now();
  for (;;) {
    // The catalogue or the stored records still loading.
    const loading = (await page.locator('.act-loading').count()) + (await page.locator('.notice--loading').count());
    const text = (await status.textContent().catch(() => '')) || '';
    const m = text.match(/^([\d.]+) aktivitet/);
    const n = m ? Number(m[1].replaceAll('.', '')) : null;
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    }
    if (!loading && n !== null && (n === expect || (expect === undefined && Date.now() - stableSince > 1500))) return n;
    if (!loading && n !== null && Date.now() - stableSince > 5000) return n; // settled on another number
    if (Date.now() - t0 > timeout) return n;
    await page.waitForTimeout(20);
  }
}

/** Starts collecting main-thread long tasks in the page. */
const watchLongTasks = (page) =>
  page.evaluate(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longtasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
const longest = (page) => page.evaluate(() => Math.max(0, ...window.__longtasks));

/** True once an activity with `id` and `title` is in the page's storage. */
const savedWith = (page, id, title) =>
  page.evaluate(
    async ([id, title]) => {
      const ls = localStorage.getItem('tidoglyst.v1.activities');
      if (ls && ls.includes(title)) return true;
      if (!indexedDB.databases) return false;
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === 'tidoglyst')) return false;
      return new Promise((ok) => {
        const req = indexedDB.open('tidoglyst');
        req.onerror = () => ok(false);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('activities')) return db.close(), ok(false);
          const get = db.transaction('activities').objectStore('activities').get(id);
          get.onsuccess = () => {
            db.close();
            const v = get.result;
            ok(!!v && JSON.stringify(v).includes(title));
          };
          get.onerror = () => (db.close(), ok(false));
        };
      });
    },
    [id, title],
  );

/** Keystroke → updated list, as bench/activities.mjs measures it. */

const dir = mkdtempSync(join(tmpdir(), 'tol-bench-'));
const browser = await launch();
const rev = await import('node:child_process').then((c) => c.execSync('git rev-parse --short HEAD').toString().trim()).catch(() => '?');
console.log(`Storage benchmark (${new Date().toISOString()}, ${process.env.TOL_DIST ? `dist ${process.env.TOL_DIST}` : `commit ${rev}`}), headless Chromium, no CPU throttling`);
for (const n of SIZES) {
  const cat = syntheticCatalogue(n, 11);
  const csv = catalogueCsv(cat);
  const file = join(dir, `liste-${n}.csv`);
  writeFileSync(file, csv);
  const server = await startServer();
  const { context, page, problems } = await newPage(browser, server, { size: 'tablet' });
  await open(page, server, '/aktiviteter');
  const base = await shownCount(page);
  // CSV is read on the lists page (a bundle of its own; the list is a page load away).
  await openLists(page);
  await watchLongTasks(page);

  // Import.
  const t0 = Date.now();
  // A file on disk, as a user picks it (a buffer would be decoded by
  // script inside the page, which shows up as a long task of its own).
  await page.getByLabel('Importér CSV').setInputFiles(file);
  await page.locator('.act-csv-preview, .act-csv .notice--error').first().waitFor({ timeout: 600000 });
  const toPreview = Date.now() - t0;
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Importér de gode rækker' }).click();
  await page.getByText(`${n} aktiviteter er importeret.`).first().waitFor({ timeout: 600000 });
  const apply = Date.now() - t1;
  // Until every record is in IndexedDB (a reload before then loses what is
  // not written yet; the directory is another bundle's page, which the app
  // loads only once the save has ended).
  const storedCount = () => page.evaluate(() => new Promise((ok) => {
    const r = indexedDB.open('tidoglyst');
    r.onerror = () => ok(-1);
    r.onsuccess = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('activities')) return db.close(), ok(0);
      const c = db.transaction('activities').objectStore('activities').count();
      c.onsuccess = () => (db.close(), ok(c.result));
    };
  }));
  let written = null;
  while (Date.now() - t1 < 300000) {
    if ((await storedCount()) >= n) { written = Date.now() - t1; break; }
    await page.waitForTimeout(50);
  }
  const longTask = await longest(page);
  const full = await page.getByText(/Browserens lager er fuldt/).count();
  await backToSearch(page);
  const afterImport = await shownCount(page, { expect: base + n });

  // One edit at this size (saved when the new title is in storage).
  let editLine = null;
  if (n >= 50000 || process.env.EDIT) {
    const a = cat.activities[Math.floor(n / 2)];
    // Through the app, as a click does (the form is another bundle's page: the
    // app loads it once every save has ended).
    await page.evaluate((href) => {
      const link = Object.assign(document.createElement('a'), { href });
      document.body.append(link);
      link.click();
      link.remove();
    }, `/aktiviteter/${a.id}?rediger=1`);
    const title = page.getByLabel('Titel', { exact: true });
    await title.waitFor({ timeout: 120000 });
    const newTitle = `Ændret titel ${Date.now()}`;
    await title.fill(newTitle);
    const t3 = Date.now();
    await page.getByRole('button', { name: 'Gem' }).click();
    let saved = false;
    while (Date.now() - t3 < 20000 && !(saved = await savedWith(page, a.id, newTitle))) await page.waitForTimeout(5);
    const edit = Date.now() - t3;
    editLine = `  edit     "Gem" → saved in storage ${saved ? ms(edit) : 'not within 20 s'} (before the reload)`;
  }

  // Reload: when the list first shows some of the stored activities (the
  // count above the catalogue's), and when it shows all.
  const t2 = Date.now();
  await page.goto(server.url('/aktiviteter'));
  let firstOwn = null;
  const watchFirst = (async () => {
    while (firstOwn === null && Date.now() - t2 < 180000) {
      const text = (await page.locator('p.result-count').textContent().catch(() => '')) || '';
      const m = text.match(/^([\d.]+) aktivitet/);
      if (m && Number(m[1].replaceAll('.', '')) > base) firstOwn = Date.now() - t2;
      else await page.waitForTimeout(10);
    }
  })();
  const afterReload = await shownCount(page, { expect: base + n });
  const reload = Date.now() - t2;
  await watchFirst;

  console.log(`${da(n)} rows (CSV ${(csv.length / 1e6).toFixed(1)} MB), ${base} catalogue activities:`);
  console.log(`  import   file → preview ${ms(toPreview)}, apply → done ${ms(apply)}, longest main-thread task ${ms(longTask)}` +
    `${full ? ', "Browserens lager er fuldt" shown' : ''}; list shows ${da(afterImport)}; all written to IndexedDB ${written === null ? 'not within 300 s' : `${ms(written)} after "Importér"`}`);
  console.log(`  reload   → first stored activities in the list ${ms(firstOwn)}, → full list ${ms(reload)}; list shows ${da(afterReload)} of ${da(base + n)} (${afterReload === base + n ? 'all kept' : `${da(base + n - afterReload)} lost`})`);

  if (editLine) console.log(editLine);

  // Search over what the list holds now.
  const times = (await keystrokeTimes(page)).dom;
  console.log(`  search   keystroke → list median ${ms(pct(times, 50))} / p95 ${ms(pct(times, 95))} (${times.length} keystrokes over ${da(afterReload)})`);
  if (problems.errors.length) console.log('  page errors:', problems.errors.slice(0, 3));
  await context.close();

  // The same activities as an export file, imported on /del in a fresh
  // profile: to the preview, "Flet ind", "Fortryd sidste import".
  if (!process.env.NO_JSON) {
    const exp = { ...cat, activities: cat.activities.map(({ example, ...a }) => a) };
    const jsonFile = join(dir, `eksport-${n}.json`);
    writeFileSync(jsonFile, JSON.stringify(exp, null, 2));
    const { context: c2, page: p2, problems: pr2 } = await newPage(browser, server, { size: 'tablet' });
    await open(p2, server, '/del');
    await p2.locator('p.stats').filter({ hasText: '0 egne aktiviteter' }).waitFor({ timeout: 60000 });
    await watchLongTasks(p2);
    const j0 = Date.now();
    await p2.getByLabel('Importér fil', { exact: true }).setInputFiles(jsonFile);
    await p2.locator('.preview, .import-error .notice').first().waitFor({ timeout: 600000 });
    const jPreview = Date.now() - j0;
    const refused = await p2.locator('.import-error .notice').count();
    const jRead = await longest(p2);
    let line = `  json     file (${(JSON.stringify(exp, null, 2).length / 1e6).toFixed(1)} MB) → preview ${ms(jPreview)}, longest task ${ms(jRead)}`;
    if (refused) {
      line += `; refused: ${await p2.locator('.import-error').innerText()}`;
    } else {
      await p2.evaluate(() => (window.__longtasks = []));
      const j1 = Date.now();
      await p2.getByRole('button', { name: 'Flet ind' }).click();
      await p2.locator('p.stats').filter({ hasText: `${da(n)} egne aktiviteter` }).or(p2.locator('p.stats').filter({ hasText: `${n} egne aktiviteter` })).waitFor({ timeout: 600000 });
      const jApply = Date.now() - j1;
      await p2.waitForTimeout(3000); // the writes
      const jApplyTask = await longest(p2);
      await p2.evaluate(() => (window.__longtasks = []));
      const j2 = Date.now();
      await p2.getByRole('button', { name: 'Fortryd sidste import' }).click();
      await p2.locator('p.stats').filter({ hasText: '0 egne aktiviteter' }).waitFor({ timeout: 600000 });
      const jUndo = Date.now() - j2;
      await p2.waitForTimeout(3000);
      const jUndoTask = await longest(p2);
      line += `; apply → counted ${ms(jApply)}, longest task ${ms(jApplyTask)} (with the writes); undo ${ms(jUndo)}, longest task ${ms(jUndoTask)}`;
    }
    console.log(line);
    if (pr2.errors.length) console.log('  page errors:', pr2.errors.slice(0, 3));
    await c2.close();
  }
  await server.close();
}
await browser.close();
rmSync(dir, { recursive: true, force: true });
