// Size report: raw, gzip -9 and brotli -q 11 bytes of what the first load of
// each page fetches (the page, its style sheet, loader, preloaded glue and
// snippets, icon, and the wasm of its bundle), file by file and in total.
// Usage: node tools/size.mjs [dist] [--json | --budgets]
// --budgets writes budgets.json: each figure's brotli bytes plus 5 % of room.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { SITE, PAGE_ROUTES } from './site.mjs';

const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
const asJson = process.argv.includes('--json');

export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** The pages a visitor can open first: every route's own page (route table). */
export const PAGES = PAGE_ROUTES.map((r) => r.page);

const isFile = (f) => { try { return statSync(join(dist, f)).isFile(); } catch { return false; } };

const add = (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli });
const ZERO = { raw: 0, gzip: 0, brotli: 0 };
/** A file's row of the report. */
const row = (f) => ({ file: f, kind: extname(f).slice(1), ...sizes(readFileSync(join(dist, f))) });
/** The rows of `files` and their total. */
const load = (files) => {
  const rows = files.map(row);
  return { files: rows, total: rows.reduce(add, ZERO) };
};
/** The built glue of the binary `bundle` (`part-dreams-<hash>.js`). */
function glueOf(bundle) {
  const glue = readdirSync(dist).find((f) => new RegExp(`^${bundle}-[0-9a-f]{16}\\.js$`).test(f));
  if (!glue) throw new Error(`no ${bundle}-<hash>.js in ${dist}`);
  return glue;
}

/** The files the first load of `page` fetches. */
export function firstLoad(page) {
  const html = readFileSync(join(dist, page), 'utf8');
  const base = (html.match(/<base href="([^"]*)"/) || [])[1] || '/';
  const files = new Set([page]);
  for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const name = (m[1].startsWith(base) ? m[1].slice(base.length) : m[1].replace(/^\.?\//, '')).split(/[?#]/)[0];
    if (isFile(name)) files.add(name);
  }
  // The preloaded glue of the page's bundle loads the wasm next to it.
  for (const f of [...files]) {
    const wasm = f.replace(/\.js$/, '_bg.wasm');
    if (f.endsWith('.js') && wasm !== f && isFile(wasm)) files.add(wasm);
  }
  const rows = [...files].sort().map(row);
  const total = rows.reduce(add, ZERO);
  const byKind = {};
  for (const r of rows) byKind[r.kind] = add(byKind[r.kind] || ZERO, r);
  return { files: rows, byKind, total };
}

/**
 * The deep links: every route of the table with a parameter (a record's
 * page), for which 404.html is served and its loader starts the bundle's
 * binary.
 */
export const DEEP = Object.fromEntries(SITE.routes.filter((r) => !r.page).map((r) => [r.pattern.replace(/:[a-z]+/g, '<id>'), SITE.bundles[r.bundle]]));

/** The files the first load of a deep link into `bundle` fetches: 404.html's, the bundle's glue, its snippets and wasm. */
export function deepLoad(bundle) {
  const page = firstLoad('404.html');
  const glue = glueOf(bundle);
  const code = readFileSync(join(dist, glue), 'utf8');
  const snippets = [...code.matchAll(/from ['"]\.\/(snippets\/[^'"]+)['"]/g)].map((m) => m[1]);
  const have = new Set(page.files.map((f) => f.file));
  const more = [glue, glue.replace(/\.js$/, '_bg.wasm'), ...snippets].filter((f) => !have.has(f) && isFile(f));
  const rows = [...page.files, ...[...new Set(more)].map(row)].sort((a, b) => a.file.localeCompare(b.file));
  return { files: rows, total: rows.reduce(add, ZERO) };
}

/**
 * What no first load fetches, but a use does, on top of the page's: the
 * share links' codec (src/bin/codec.rs), when a link is made or opened, and
 * the camera scanner's QR reader (src/bin/qr-reader.rs), on "Skan svar" in
 * a browser without a BarcodeDetector, and the HSDS packages' wasm
 * (src/bin/hsds.rs), on their export or import on the lists page.
 */
export const ON_DEMAND = { 'share links: + codec': 'codec', 'camera scan: + QR reader': 'qr-reader', 'HSDS in and out: + hsds': 'hsds' };

/** The files of a bundle fetched on demand: its glue and its wasm. */
export function onDemandLoad(bundle) {
  const glue = glueOf(bundle);
  return load([glue, glue.replace(/\.js$/, '_bg.wasm')]);
}

/**
 * Fetched beside the wasm by every page of the directory (the loader starts
 * it after the first paint, catalogue::fetch takes it): the example catalogue.
 */
export const BESIDE = { "directory's pages: + catalogue": 'catalogue.json' };

/**
 * An example activity's own page (aktiviteter/<id>.html, which a shared
 * activity's link opens), the catalogue's first: the page, its sheet, loader,
 * the directory's bundle; the catalogue comes beside it (BESIDE).
 */
export const EXAMPLE_PAGE = "an example activity's page";
const exampleFile = () => `aktiviteter/${JSON.parse(readFileSync(join(dist, 'catalogue.json'), 'utf8')).activities.find((a) => !a.deleted).id}.html`;

/** Everything a device downloads to work offline: the service worker's precache list (and sw.js). */
export const OFFLINE = 'offline: every file the service worker keeps';
function offlineLoad() {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const files = JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)[1]);
  const total = [...files, 'sw.js'].map(row).reduce(add, ZERO);
  return { files: [], total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = {
    ...Object.fromEntries(PAGES.map((p) => [p, firstLoad(p)])),
    [EXAMPLE_PAGE]: firstLoad(exampleFile()),
    ...Object.fromEntries(Object.entries(DEEP).map(([path, bundle]) => [path, deepLoad(bundle)])),
    ...Object.fromEntries(Object.entries(ON_DEMAND).map(([what, bundle]) => [what, onDemandLoad(bundle)])),
    ...Object.fromEntries(Object.entries(BESIDE).map(([what, file]) => [what, load([file])])),
    [OFFLINE]: offlineLoad(),
  };
  if (process.argv.includes('--budgets')) {
    const brotli = Object.fromEntries(Object.entries(report).map(([page, r]) => [page, Math.ceil(r.total.brotli * 1.05)]));
    writeFileSync(new URL('../budgets.json', import.meta.url), `${JSON.stringify({ brotli }, null, 2)}\n`);
    console.log('budgets.json: each figure plus 5 %');
  } else if (asJson) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const pad = (s, n) => String(s).padStart(n);
    const line = (name, v) => console.log(`${name.padEnd(52)} ${pad(v.raw, 10)} ${pad(v.gzip, 10)} ${pad(v.brotli, 10)}`);
    for (const [page, r] of Object.entries(report)) {
      const title = page in ON_DEMAND || page in BESIDE || page === OFFLINE ? page : 'first load of ' + page;
      console.log(`\n${title.padEnd(52)} ${pad('raw', 10)} ${pad('gzip -9', 10)} ${pad('brotli 11', 10)}`);
      for (const f of r.files) line(`  ${f.file}`, f);
      line('  TOTAL', r.total);
    }
    console.log(`\n${'page'.padEnd(52)} ${pad('raw', 10)} ${pad('gzip -9', 10)} ${pad('brotli 11', 10)}`);
    for (const [page, r] of Object.entries(report)) line(page, r.total);
  }
}
