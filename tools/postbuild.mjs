// Trunk post_build hook: joins the style sheets into one per page; starts the wasm
// download at the first paint, not before; keeps the Content-Security-Policy
// strict by moving every inline <script> trunk writes into a file of its own;
// writes for every route a page with its static first paint (tools/shell.mjs):
// index.html, droemme.html, … (served for /droemme by GitHub Pages, Netlify
// and nginx `try_files $uri $uri.html /404.html`), and the 404.html fallback
// that static hosts serve for deep links (the known deep links' tops as
// templates, tools/shell.mjs); then the service worker.
// A release build also writes one smaller wasm per part of the app
// (src/bin/part-*.rs, routes::Bundle), and every page's loader starts the
// one that holds the page: a phone that opens the workshop does not download
// the dream board.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { PAGES, DEEP_PAGES, RECORD_PAGES, RECORD_ID, CATALOGUE_TOPS, activityPage, shellBody, FRESH_SCRIPT, DEEP_SCRIPT } from './shell.mjs';

// The minifiers come with the browser tests' packages (e2e/package.json),
// which `./x build` installs anyway (for wasm-opt).
const fromE2e = createRequire(new URL('../e2e/package.json', import.meta.url));

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
const DEBUG = process.env.TRUNK_PROFILE === 'debug';
let html = readFileSync(indexPath, 'utf8');

// One style sheet per page instead of one per part: each render-blocking
// request costs a round trip before the first paint on a slow connection.
// A release build's page gets main.css and its own part's sheet only
// (SHEETS_OF, by its bundle); 404.html, /del and the debug build get all.
const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*>\n?/g)];
if (!sheets.length) throw new Error('postbuild: no style sheet in index.html');
const SHEET_PREFIX = sheets[0][1].replace(/[^/]*$/, '');
const sheetCss = Object.fromEntries(sheets.map(([, href]) => {
  const file = href.replace(/^.*\//, '');
  return [file.replace(/-[0-9a-f]+\.css$/, ''), readFileSync(join(dir, file), 'utf8')];
}));
for (const [, href] of sheets) unlinkSync(join(dir, href.replace(/^.*\//, '')));
html = html.replace(sheets[0][0], '<!--style-->');
for (const [tag] of sheets.slice(1)) html = html.replace(tag, '');
const SHEETS_OF = {
  front: ['main'], dreams: ['main', 'dreams'], 'dreams-edit': ['main', 'dreams'],
  activities: ['main', 'activities'], 'activities-edit': ['main', 'activities'], 'activities-lists': ['main', 'activities'],
  assessment: ['main', 'assessment'], workshop: ['main', 'assessment'],
};
const sheetTags = new Map();
/** The <link> of the sheet for `bundle` (all sheets when it is not known), written once per set. */
function sheetOf(bundle) {
  const names = (!DEBUG && SHEETS_OF[bundle]) || Object.keys(sheetCss);
  for (const n of names) if (!(n in sheetCss)) throw new Error(`postbuild: no ${n}.css among the style sheets`);
  const key = names.join('+');
  if (!sheetTags.has(key)) {
    let css = names.map((n) => sheetCss[n]).join('\n');
    // A release build's sheet without comments and spaces (lightningcss):
    // about a quarter less on every first load.
    if (!DEBUG) {
      const { transform } = fromE2e('lightningcss');
      css = transform({ filename: 'style.css', code: Buffer.from(css), minify: true }).code.toString();
    }
    const name = `style-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
    writeFileSync(join(dir, name), css);
    const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
    sheetTags.set(key, `<link rel="stylesheet" href="${SHEET_PREFIX}${name}" integrity="${integrity}"/>\n`);
  }
  return sheetTags.get(key);
}

// The wasm is fetched as soon as the static page has painted, not before: on
// a slow connection the first paint then gets the whole line (the HTML and
// one style sheet, about 10 KB), and the wasm's download never delays it.
// The loader's JS stays modulepreloaded, so nothing waits on a JS round trip.
// "Painted" is the first contentful paint as the browser reports it, when
// the frame is on screen, not when it was drawn: on a busy machine that can
// come a second or more later, and a wasm fetched (and an app mounted) before
// it would replace the static page before it was ever shown (the app's copy
// then being the largest paint, and Lighthouse counting the wasm into it).
// The timer only guards a browser that never reports the paint; one that
// cannot report it at all goes after the next frame; a hidden tab at once.
html = html.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>\n?/, '');
const AFTER_PAINT = `await new Promise((go) => {
  if (document.hidden || performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint')) { go(); return; }
  document.addEventListener('visibilitychange', go, { once: true });
  try {
    if (!PerformanceObserver.supportedEntryTypes.includes('paint')) throw 0;
    new PerformanceObserver(() => go()).observe({ type: 'paint' });
    setTimeout(go, 4000);
  } catch (e) { requestAnimationFrame(() => setTimeout(go, 0)); }
});
`;

// The app's base path, as trunk wrote it into <base href>.
const base = (html.match(/<base href="([^"]*)"/) || [])[1] || '/';

// Trunk's bundle (src/main.rs: `/del`'s in a release build, the whole app in
// a debug one): the glue that loads its wasm.
const mainGlue = (html.match(/href="[^"]*?\/?(tid-og-lyst-[0-9a-f]+\.js)"/) || [])[1];
if (!mainGlue) throw new Error('postbuild: no tid-og-lyst-*.js modulepreload in index.html');

/**
 * The bundles besides trunk's ("data" in a release build; `./x serve`'s
 * debug build has only trunk's, "all"): cargo builds their binaries
 * (`src/bin/`), then wasm-bindgen and wasm-opt as trunk does for its own.
 * Their names carry the hash of their content, like trunk's.
 */
const PART_BINS = {
  front: 'part-front', dreams: 'part-dreams', 'dreams-edit': 'part-dreams-edit', activities: 'part-activities',
  'activities-edit': 'part-activities-edit', 'activities-lists': 'part-activities-lists', assessment: 'part-assessment', workshop: 'part-workshop',
  // Not a page's: the share links' codec (src/bin/codec.rs, ui::codec), which
  // every page's loader offers as tolCodec() and fetches when it is needed.
  codec: 'codec',
};
/**
 * The bundle of an address below the base (its path, with or without its
 * query): routes::Bundle::for_path in JavaScript. Every page's loader runs
 * this very function (its source is copied in), and tests/tidy.rs runs it
 * with node against the Rust one.
 */
// bundleOf:begin
function bundleOf(path) {
  const [where, ...rest] = path.split('#')[0].split('?');
  const query = rest.join('?');
  const [first = '', second = ''] = where.replace(/^\//, '').split('/');
  const has = (key) => query.split('&').some((pair) => pair.split('=')[0] === key);
  if (first === 'droemme') return second === 'ny' || has('rediger') || has('koordinator') ? 'dreams-edit' : 'dreams';
  if (first === 'aktiviteter') return second === 'lister' ? 'activities-lists' : second === 'ny' || has('rediger') ? 'activities-edit' : 'activities';
  const view = query.split('&').find((pair) => pair.startsWith('visning='))?.slice('visning='.length) ?? '';
  if (first === 'skal-kan') return second && ['projektor', 'haender', 'resume'].includes(view) ? 'workshop' : 'assessment';
  if (first === 'del') return 'data';
  return 'front';
}
// bundleOf:end

const glues = DEBUG ? { all: mainGlue } : { data: mainGlue };
if (!DEBUG) {
  const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
  const bins = Object.values(PART_BINS);
  execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', ...bins.flatMap((b) => ['--bin', b])],
    { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: source, encoding: 'utf8' }));
  const level = (readFileSync(join(source, 'index.html'), 'utf8').match(/data-wasm-opt="([^"]*)"/) || [])[1] || 'z';
  const work = mkdtempSync(join(tmpdir(), 'tidoglyst-parts-'));
  for (const [bundle, bin] of Object.entries(PART_BINS)) {
    const raw = join(meta.target_directory, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
    const name = `${bin}-${createHash('sha256').update(readFileSync(raw)).digest('hex').slice(0, 16)}`;
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', name, raw], { stdio: 'inherit' });
    execFileSync('wasm-opt', [`-O${level}`, join(work, `${name}_bg.wasm`), '-o', join(dir, `${name}_bg.wasm`)], { stdio: 'inherit' });
    cpSync(join(work, `${name}.js`), join(dir, `${name}.js`));
    glues[bundle] = `${name}.js`;
  }
  cpSync(join(work, 'snippets'), join(dir, 'snippets'), { recursive: true });
  rmSync(work, { recursive: true, force: true });
}

/** Each bundle's glue and wasm, as the page asks for them (under the base). */
const BUNDLE_URLS = Object.fromEntries(Object.entries(glues).map(([b, js]) => [b, [base + js, base + js.replace(/\.js$/, '_bg.wasm')]]));

// Every bundle's wasm-bindgen glue without comments, spaces and long local
// names (terser): about a quarter less on every first load.
if (!DEBUG) {
  const { minify } = fromE2e('terser');
  for (const js of Object.values(glues)) {
    const file = join(dir, js);
    const out = await minify(readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
    writeFileSync(file, out.code);
  }
}

let moved = 0;
html = html.replace(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
  if (!body.trim()) return whole;
  // `./x serve` (debug): trunk's live-reload script stays inline, because
  // trunk fills in its address when it serves the page.
  if (DEBUG && body.includes('{{__TRUNK_ADDRESS__}}')) return whole;
  if (body.includes('await init(')) {
    if (DEBUG) {
      body = body.replace(/^const wasm = await init\(/m, `${AFTER_PAINT}$&`);
    } else {
      // The loader of every page: the bundle that holds the address shown
      // (so 404.html, served for deep links, starts the right one too).
      body = `const BUNDLES = ${JSON.stringify(BUNDLE_URLS)};
${bundleOf.toString()}
const here = location.pathname.startsWith(${JSON.stringify(base)}) ? location.pathname.slice(${JSON.stringify(base.length - 1)}) : '/';
const bundle = bundleOf(here + location.search);
const [js, wasmUrl] = BUNDLES[bundle];
const glue = import(js);
// The share links' codec: fetched and started once, when a link is first
// made or read; a failed fetch is tried again the next time.
let codec = null;
globalThis.tolCodec = () => (codec ||= import(BUNDLES.codec[0])
  .then(async (m) => { await m.default({ module_or_path: BUNDLES.codec[1] }); return m; })
  .catch((e) => { codec = null; throw e; }));
// A link's payload read by the browser itself where it inflates raw deflate
// (ui::codec::decode; the core's sync::link::decode with the same limit and
// the names of its errors), so a QR code's link needs no codec. Elsewhere the
// codec is started at once for an address that carries a link.
let inflates = false;
try { new DecompressionStream('deflate-raw'); inflates = true; } catch (e) { /* an older browser */ }
if (inflates) {
  globalThis.tolInflate = async (payload, limit) => {
    const text = payload.trim();
    if (!text) throw 'Empty';
    if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) throw 'BadEncoding';
    let bytes;
    try { bytes = Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)); } catch (e) { throw 'BadEncoding'; }
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > limit) { reader.cancel().catch(() => {}); throw 'TooBig'; }
        parts.push(value);
      }
    } catch (e) { throw e === 'TooBig' ? e : 'BadCompression'; }
    const all = new Uint8Array(size);
    let at = 0;
    for (const p of parts) { all.set(p, at); at += p.length; }
    try { return new TextDecoder('utf-8', { fatal: true }).decode(all); } catch (e) { throw 'NotText'; }
  };
} else if (location.hash.startsWith('#data=')) {
  tolCodec().catch(() => {});
}
// 404.html, on a record's page: the record looked up first, so that the
// message of one not on this device is painted before the wasm comes.
await Promise.resolve(globalThis.tolPeek).catch(() => {});
${AFTER_PAINT}// The directory's pages read the example catalogue as soon as they start:
// it comes beside the wasm instead of after it (catalogue::fetch takes it).
// Not the new activity's form, which does not show it.
if (bundle.startsWith('activities') && here !== '/aktiviteter/ny' && here !== '/aktiviteter/ny/') globalThis.tolCatalogue = fetch(${JSON.stringify(base + 'catalogue.json')}).catch(() => null);
const bindings = await glue;
const wasm = await bindings.default({ module_or_path: wasmUrl });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;
    }
  }
  // Minified like the glue (a release build's loader only).
  if (!DEBUG) body = fromE2e('terser').minify_sync(body, { module: /type\s*=\s*["']?module/.test(attrs), compress: true, mangle: true }).code;
  const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  moved += 1;
  const isModule = /type\s*=\s*["']?module/.test(attrs);
  return `<script${isModule ? ' type="module"' : ''} src="${name}"></script>`;
});
// The inline scripts: is this a first visit, and (404.html) which deep link's
// top to paint (tools/shell.mjs)? Allowed by their hashes, so the policy still
// forbids every other inline script.
// The development server's live-reload script changes as trunk serves it,
// so there (and only there) inline scripts are allowed instead.
// 404.html's first script, in <head> before the style sheet (a release
// build's): for a record's page (a deep link whose top the build does not
// know, so whose largest text the app draws), it preloads the bundle's glue
// and wasm at once, beside the style sheet, instead of after the first paint;
// the deep links with a static top wait for their paint like every page, and
// so do the pages of a dream or a workshop, whose record 404.html's last
// script looks up first (RECORD_PAGES: one not on this device has its
// message painted before the wasm).
let PRELOAD_SCRIPT = '';
if (!DEBUG) {
  const parts = Object.fromEntries(Object.entries(BUNDLE_URLS).filter(([b]) => b !== 'codec'));
  PRELOAD_SCRIPT = fromE2e('terser').minify_sync(`try{(function(){
var B=${JSON.stringify(parts)},K=${JSON.stringify(DEEP_PAGES.map((d) => d.path))},l=location.pathname;
${bundleOf.toString()}
if(l.indexOf(${JSON.stringify(base)})!==0)return;var h=l.slice(${base.length - 1});if(K.indexOf(h)>=0||/^\\/(${RECORD_PAGES.map((r) => r.part).join('|')})\\/${RECORD_ID}$/.test(h))return;
var f=B[bundleOf(h+location.search)];if(!f)return;
var m=document.createElement('link');m.rel='modulepreload';m.href=f[0];document.head.appendChild(m);
var w=document.createElement('link');w.rel='preload';w.as='fetch';w.crossOrigin='anonymous';w.href=f[1];document.head.appendChild(w)})()}catch(e){}`,
  { compress: true, mangle: true }).code;
}
const hashOf = (script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
const freshHash = [FRESH_SCRIPT, DEEP_SCRIPT, PRELOAD_SCRIPT].filter(Boolean).map(hashOf).join(' ');
if (!/script-src 'self'/.test(html)) throw new Error("postbuild: no script-src 'self' in the Content-Security-Policy");
html = html.replace(/script-src 'self'/, `script-src 'self' ${DEBUG ? "'unsafe-inline'" : freshHash}`);
if (!html.includes('</head>')) throw new Error('postbuild: no </head> in index.html');
html = html.replace('</head>', `<script>${FRESH_SCRIPT}</script>\n</head>`);
if (!html.includes('<body>')) throw new Error('postbuild: no <body> in index.html');
// Each page preloads the glue of its own bundle and the snippets that glue
// imports (404.html: its loader finds the bundle when it runs).
const preloadsOf = (bundle) => {
  if (!bundle) return '';
  const js = DEBUG ? glues.all : glues[bundle];
  const code = readFileSync(join(dir, js));
  const snippets = [...new Set([...code.toString('utf8').matchAll(/from ['"]\.\/(snippets\/[^'"]+)['"]/g)].map((m) => m[1]))].sort();
  return [...snippets, js].map((f) => {
    const integrity = `sha384-${createHash('sha384').update(readFileSync(join(dir, f))).digest('base64')}`;
    return `<link rel="modulepreload" href="${base}${f}" crossorigin="anonymous" integrity="${integrity}">`;
  }).join('');
};
const trunkPreloads = [...html.matchAll(/<link rel="modulepreload"[^>]*>/g)].map((m) => m[0]).join('');
if (!trunkPreloads) throw new Error('postbuild: no modulepreload links in index.html');
const withShell = (page) => html
  .replace('<!--style-->', (page || !PRELOAD_SCRIPT ? '' : `<script>${PRELOAD_SCRIPT}</script>\n  `) + sheetOf(page ? bundleOf(page.path) : null))
  .replace(trunkPreloads, preloadsOf(page ? bundleOf(page.path) : null))
  .replace('<body>', `<body>\n${shellBody(page, base)}`);
for (const page of PAGES) writeFileSync(join(dir, page.file), withShell(page));
writeFileSync(join(dir, '404.html'), withShell(null));
// Each example activity's own page (aktiviteter/<id>.html, served for
// /aktiviteter/<id> like the route pages): its top is painted before the
// wasm. Not precached: once the service worker is installed (after a first
// visit), it answers these addresses with 404.html from its cache, online
// or not, and the app (from the cache too) draws the activity.
const HELD_DIR = 'aktiviteter';
mkdirSync(join(dir, HELD_DIR), { recursive: true });
let activityPages = 0;
for (const a of CATALOGUE_TOPS) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(a.id)) throw new Error(`postbuild: catalogue activity id ${a.id}`);
  const page = activityPage(a);
  writeFileSync(join(dir, page.file), withShell(page));
  activityPages += 1;
}

// The service worker precaches every file of the build; its version is the
// hash of their contents, so any change makes a new cache and an update.
function walk(d) {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = walk(dir)
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((f) => f !== 'sw.js' && !f.startsWith('.') && !f.startsWith(`${HELD_DIR}/`))
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'sw-template.js'), 'utf8');
// Navigations: a route's own page, anything else (deep links) 404.html.
const routes = Object.fromEntries(PAGES.map((p) => [p.path.replace(/^\//, ''), p.file]));
if (!DEBUG) {
  writeFileSync(join(dir, 'sw.js'), template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(files))
    .replace('__ROUTES__', JSON.stringify(routes)));
}
console.log(`postbuild: moved ${moved} inline script(s), ${Object.keys(glues).length} bundle(s), wrote ${PAGES.length} route pages, ${activityPages} activity pages, 404.html and sw.js (${files.length} files, version ${version})`);
