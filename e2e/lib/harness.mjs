// Shared browser-test harness: a static server for dist/ (with the 404.html
// fallback a static host gives deep links), Debian's Chromium through
// playwright-core, pages that record console errors and foreign requests,
// and axe-core checks; the shared board's CouchDB and forwarding (couch.mjs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import { promisify } from 'node:util';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { SITE, PAGE_ROUTES } from '../../tools/site.mjs';
import { createForwarder } from './couch.mjs';

/** The shared board's server for the sync tests (see couch.mjs). */
export { startCouch, useCouch, startProxy, basicAuth, freePort } from './couch.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.TOL_DIST ? resolve(process.env.TOL_DIST) : resolve(here, '../../dist');

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  projector: { width: 1920, height: 1080 },
};

/** The route table (src/routes.rs, through tools/site.mjs). */
export { SITE };

/** Every route with a page of its own (no parameter), as a path. */
export const ROUTES = PAGE_ROUTES.map((r) => r.pattern);

/** Each route page → the name of its bundle's files (routes::Bundle::bin; trunk's binary is /del's). */
export const PAGE_BUNDLES = Object.fromEntries(PAGE_ROUTES.map((r) => [r.page, SITE.bundles[r.bundle]]));

/** The bundle a built file (`part-activities-edit-<hash>_bg.wasm`, …) belongs to, or null. */
export function bundleOfFile(file) {
  const name = (file.match(/(?:^|\/)([a-z-]+)-[0-9a-f]{16}(?:_bg\.wasm|\.js)$/) || [])[1];
  return Object.values(SITE.bundles).includes(name) ? name : null;
}

/** A date `days` from today as YYYY-MM-DD (in Copenhagen, like the app). */
export function dayFromToday(days) {
  // The app's "today" is Copenhagen's (core text::dates::today), whatever
  // the machine's zone: between midnight there and here the two differ.
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Posts a dream through the form with every boundary confirmed, wanting
 * `runners`, with the coordinator's private `note`; returns the dream's address.
 */
export async function postBoardDream(page, server, { title, runners = 1, note }) {
  await open(page, server, '/droemme/ny');
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await page.getByLabel('Historien', { exact: true }).fill('Karen vil gerne mærke sandet under fødderne igen.');
  await page.getByLabel('Drømmerens fornavn', { exact: true }).fill('Karen');
  await page.getByLabel('Kommune', { exact: true }).fill('Assens');
  await page.getByLabel('Sted', { exact: true }).fill('Vesterhavet');
  await page.getByLabel('Fra dato', { exact: true }).fill(dayFromToday(3));
  await page.getByLabel('Til dato', { exact: true }).fill(dayFromToday(30));
  await page.getByLabel('Svar senest', { exact: true }).fill(dayFromToday(10));
  await page.getByLabel('Formiddag').check();
  await page.getByLabel('Varighed i timer').fill('4');
  await page.getByLabel('Antal drømmeløbere').fill(String(runners));
  await page.getByLabel('Kategori', { exact: true }).selectOption('natur');
  await page.getByLabel('Koordinatorens navn').fill('Lone');
  await page.getByLabel('Koordinatorens telefon eller mail').fill('lone@example.dk');
  await page.getByLabel('Private noter om drømmeren').fill(note);
  for (const b of await page.locator('fieldset.boundaries input[type=checkbox]').all()) await b.check();
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return page.url();
}

/** Opens the directory's lists page (CSV, share links) from the list page, as a coordinator does. */
export async function openLists(page) {
  await page.getByRole('link', { name: 'Åbn lister og deling' }).click();
  await page.locator('main#main').getByRole('heading', { level: 1, name: 'Lister ind og ud (CSV til regneark)' }).waitFor();
}

/** Back from the lists page to the list with its search. */
export async function backToSearch(page) {
  await page.getByRole('link', { name: 'Tilbage til søgningen' }).click();
  await page.getByLabel('Søg i aktiviteter').waitFor();
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` under `base` (default '/') on a free loopback port.
 * `overrides` maps a path below base to { body, type } served instead of a file.
 * /route is route.html when the build wrote one, any other route 404.html
 * (with `spa`, every route is index.html, as a host set up for a
 * single-page app answers); a missing asset gets 404.
 * `proxy` maps a path prefix of the origin to a URL, as the recommended
 * board deployment does (nginx `location /tavle/ { proxy_pass
 * http://127.0.0.1:5984/; proxy_buffering off; }`): { '/tavle/': couch.url }
 * forwards /tavle/db/_changes?… to couch.url + /db/_changes?…, streaming;
 * the returned `proxy.down()` makes those answer 502 (and cuts the ones
 * under way) as when CouchDB is off, `proxy.up()` undoes it.
 */
export async function startServer({ root = DIST, base = '/', overrides = {}, compress = false, spa = false, proxy = null } = {}) {
  const packed = new Map();
  const forwards = Object.entries(proxy || {}).map(([prefix, target]) => [prefix.replace(/\/$/, ''), createForwarder(target)]);
  const server = createServer(async (req, res) => {
    for (const [prefix, fwd] of forwards) {
      if (req.url.startsWith(prefix + '/')) {
        fwd.forward(req, res, req.url.slice(prefix.length));
        return;
      }
    }
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        res.writeHead(404).end('not under base');
        return;
      }
      path = '/' + path.slice(base.length);
      if (overrides[path]) {
        const o = overrides[path];
        res.writeHead(200, { 'content-type': o.type || TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(o.body);
        return;
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      let status = 200;
      let target = file;
      try {
        if (!(await stat(target)).isFile()) throw new Error('dir');
      } catch {
        // Like nginx `try_files $uri $uri.html /404.html` (GitHub Pages
        // alike, though it answers 404.html with status 404): /droemme is
        // droemme.html, the route's own first paint; any other route is
        // 404.html, the neutral one the app takes over for deep links; a
        // missing asset is a real 404.
        const page = join(root, `${path.replace(/\/$/, '')}.html`);
        if (extname(path)) {
          target = join(root, '404.html');
          status = 404;
        } else if (spa) {
          target = join(root, 'index.html');
        } else if (await stat(page).then((s) => s.isFile(), () => false)) {
          target = page;
        } else {
          target = join(root, '404.html');
        }
      }
      let body = await readFile(target);
      const headers = { 'content-type': TYPES[extname(target)] || 'application/octet-stream', 'cache-control': 'no-store' };
      // Like a real static host (benchmarks only): `compress` 'br' (or true)
      // serves brotli 11, 'gzip' serves gzip -9 as GitHub Pages does, when
      // the browser takes it.
      const encoding = compress === true ? 'br' : compress;
      const accepts = req.headers['accept-encoding'] || '';
      if (encoding && new RegExp(`\\b${encoding}\\b`).test(accepts) && !/\.(png)$/.test(target)) {
        const key = `${encoding}:${target}`;
        // Compressed off the event loop (brotli 11 of a bundle takes seconds),
        // so the server keeps answering meanwhile (Lighthouse's robots.txt).
        if (!packed.has(key)) {
          packed.set(key, encoding === 'br'
            ? promisify(brotliCompress)(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
            : promisify(gzip)(body, { level: 9 }));
        }
        body = await packed.get(key);
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
      }
      res.writeHead(status, headers);
      res.end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const forwarders = forwards.map(([, fwd]) => fwd);
  return {
    origin,
    url: (p = '/') => origin + base.replace(/\/$/, '') + p,
    proxy: forwarders.length
      ? { down: () => forwarders.forEach((f) => f.down()), up: () => forwarders.forEach((f) => f.up()) }
      : null,
    close: () => {
      const closed = new Promise((ok) => server.close(ok));
      forwarders.forEach((f) => f.closeAll());
      return closed;
    },
  };
}

/**
 * Launches Debian's Chromium, headless; `args` are more switches (a fake
 * camera fed from a file: `--use-file-for-fake-video-capture=…`).
 */
export async function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...args,
    ],
  });
}

/**
 * A new page in a fresh context (a separate profile: its own local storage).
 * Records console errors, page errors, dialogs and requests to other origins.
 */
export async function newPage(browser, server, { size = 'phone', context: existing, ...ctxOptions } = {}) {
  const context = existing || (await browser.newContext({ viewport: VIEWPORTS[size], locale: 'da-DK', timezoneId: 'Europe/Copenhagen', acceptDownloads: true, ...ctxOptions }));
  const page = await context.newPage();
  const problems = { errors: [], foreign: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    // "Leave the page?" while records are still being written: a journey
    // that moves on at once leaves (the save is checked where it matters).
    if (d.type() === 'beforeunload') {
      await d.accept();
      return;
    }
    problems.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== server.origin) problems.foreign.push(u);
  });
  return { context, page, problems };
}

/** Opens `path` and waits until the app has mounted. */
export async function open(page, server, path = '/') {
  await settled(page);
  await page.goto(server.url(path));
  await page.locator('main#main').waitFor();
}

/** Goes to `url` once the app open in `page` has written what it holds (see [`settled`]). */
export async function visit(page, url) {
  await settled(page);
  await page.goto(url);
}

/**
 * Waits (up to 15 s) until the app open in `page`, if any, has written what
 * it holds, as a person waits for a save before reloading: while records are
 * still being written the app would ask before the page is left (it cancels
 * `beforeunload`), so a cancelable `beforeunload` it does not cancel means
 * nothing is waiting. The harness accepts that question when it comes
 * anyway, so a journey that must not wait can still leave.
 */
export async function settled(page) {
  if (!/^https?:/.test(page.url())) return;
  await page
    .waitForFunction(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return !e.defaultPrevented;
    }, null, { timeout: 15000, polling: 50 })
    .catch(() => {});
}

/** Fails when the page logged an error, opened a dialog or asked another origin for anything. */
export function assertClean(problems, what = '') {
  assert.deepEqual(problems.errors, [], `console errors ${what}`);
  assert.deepEqual(problems.foreign, [], `requests to other origins ${what}`);
  assert.deepEqual(problems.dialogs, [], `dialogs ${what}`);
}

const AXE = readFileSync(resolve(here, '../node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.2 A and AA rules) and fails on any violation. */
export async function assertAccessible(page, what = '') {
  // evaluate() runs through the debugger protocol, so the page's CSP stays on.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
  });
  assert.deepEqual(result, [], `axe violations ${what}: ${JSON.stringify(result, null, 1)}`);
}

/** Clicks a control and returns the text of the file it downloads. */
export async function downloadText(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/**
 * Makes a workshop with the form on `/skal-kan` (the page must be open) and
 * waits until the app shows its page.
 */
export async function createWorkshop(page, name, date = '2026-12-10') {
  await page.getByLabel('Workshoppens navn').fill(name);
  await page.getByLabel('Dato').fill(date);
  await page.getByRole('button', { name: 'Opret workshop' }).click();
  await page.locator('main#main').getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Picks a file for the /del import and waits for the preview or an error. */
export async function importFile(page, server, { name = 'import.json', text, buffer, mimeType = 'application/json' }) {
  if (!page.url().endsWith('/del')) await open(page, server, '/del');
  await page.getByLabel('Importér fil', { exact: true }).setInputFiles({ name, mimeType, buffer: buffer ?? Buffer.from(text, 'utf8') });
  await page.locator('.preview, .import-error .notice').first().waitFor();
}

/**
 * The app's records in IndexedDB: store name → the stored texts in key order.
 * Never creates the database (an empty one would stop the app's upgrade step).
 */
export async function idbDump(page) {
  return page.evaluate(async () => {
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    if (!dbs.some((d) => d.name === 'tidoglyst')) return {};
    return new Promise((ok, fail) => {
      const req = indexedDB.open('tidoglyst');
      req.onerror = () => fail(req.error);
      req.onsuccess = () => {
        const db = req.result;
        const names = [...db.objectStoreNames];
        const out = {};
        if (!names.length) return db.close(), ok(out);
        const tx = db.transaction(names);
        for (const name of names) {
          const r = tx.objectStore(name).getAll();
          r.onsuccess = () => (out[name] = r.result);
        }
        tx.oncomplete = () => (db.close(), ok(out));
        tx.onerror = () => (db.close(), fail(tx.error));
      };
    });
  });
}

/**
 * Reads every app key of local storage and every record store of IndexedDB
 * (as `tidoglyst.idb.<store>`: a JSON list of the stored texts), once two
 * reads in a row agree (writes to IndexedDB finish after the page changes).
 */
export async function storageDump(page) {
  const once = async () => {
    const out = await page.evaluate(() => {
      const o = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k.startsWith('tidoglyst.')) o[k] = localStorage.getItem(k);
      }
      return o;
    });
    for (const [name, values] of Object.entries(await idbDump(page))) out[`tidoglyst.idb.${name}`] = JSON.stringify(values);
    return out;
  };
  let last = await once();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const next = await once();
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
}

/**
 * The setup every test file shares: one static server (options as for
 * `startServer`; `null` for none) and one Chromium, started before the
 * file's tests and closed after them. Returns an object whose `server` and
 * `browser` are set once the tests run.
 */
export function useBrowser(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    if (serverOptions !== null) env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
