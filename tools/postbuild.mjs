// Trunk post_build hook, the same for `./x serve` (debug) and a release
// build. It reads the route table (tools/site.mjs, from src/routes.rs) and:
// builds the bundles besides trunk's (one per part, src/bin/, the share
// links' codec and the camera scanner's QR reader) with the profile trunk used; joins the style sheets into one
// per page; writes one loader that starts the bundle of the address shown
// (a look-up in the generated table) after the first paint; moves trunk's
// inline scripts into files, so the Content-Security-Policy stays strict;
// writes each route's page with its static first paint (tools/shell.mjs)
// and 404.html for the other addresses; and, in a release build, the
// service worker.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { SITE, PAGE_ROUTES, bundleAt } from './site.mjs';
import { firstPaint, RECORD_ID, FRESH_SCRIPT, DEEP_SCRIPT } from './shell.mjs';

// The minifiers come with the browser tests' packages (e2e/package.json),
// which `./x build` and `./x serve` install anyway (for wasm-opt).
const fromE2e = createRequire(new URL('../e2e/package.json', import.meta.url));

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
const DEBUG = process.env.TRUNK_PROFILE === 'debug';
let html = readFileSync(indexPath, 'utf8');

// One style sheet per page: main.css and the sheet of the page's bundle, if
// it has one (style/<bundle>.css); /del and 404.html get all. Each
// render-blocking request costs a round trip before the first paint.
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
const sheetTags = new Map();
/** The <link> of the sheet for `bundle` (all sheets for none or /del's), written once per set. */
function sheetOf(bundle) {
  const names = bundle && bundle !== 'data' ? ['main', ...(bundle in sheetCss ? [bundle] : [])] : Object.keys(sheetCss);
  const key = names.join('+');
  if (!sheetTags.has(key)) {
    let css = names.map((n) => sheetCss[n]).join('\n');
    // Without comments and spaces (lightningcss): about a quarter less.
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

// The wasm is fetched once the static page has painted, not before: on a
// slow connection the first paint gets the whole line. "Painted" is the
// first contentful paint as the browser reports it (a frame drawn on a busy
// machine can be shown a second later, and an app mounted before it would
// replace the static page before it was ever seen). The timer guards a
// browser that never reports it; one that cannot goes after the next frame;
// a hidden tab at once.
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
// Each page's static first paint: the app's components rendered natively (examples/first_paint.rs).
const FIRST = firstPaint(base, 'public/catalogue.json');

// Trunk builds src/main.rs, /del's bundle; the others are built here with
// the same profile, through wasm-bindgen (and, in a release build,
// wasm-opt) as trunk does its own. Their names carry their content's hash.
const trunkBin = SITE.bundles.data;
const mainGlue = (html.match(new RegExp(`href="[^"]*?/?(${trunkBin}-[0-9a-f]+\\.js)"`)) || [])[1];
if (!mainGlue) throw new Error(`postbuild: no ${trunkBin}-*.js modulepreload in index.html`);
const glues = { data: mainGlue };
// Not a page's: the share links' codec (src/bin/codec.rs, ui::codec), which
// every page's loader offers as tolCodec() and fetches when it is needed, and
// the camera scanner's QR reader (src/bin/qr-reader.rs, ui::scanner), offered
// as tolQrReader() to a browser without a BarcodeDetector of its own, and
// the Open Referral HSDS packages' mapping and zip (src/bin/hsds.rs,
// ui::hsds), offered as tolHsds() to the lists page's export and import.
const ON_DEMAND = { codec: 'codec', 'qr-reader': 'qr-reader', hsds: 'hsds' };
const bins = { ...Object.fromEntries(Object.entries(SITE.bundles).filter(([b]) => b !== 'data')), ...ON_DEMAND };
{
  const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
  const profile = DEBUG ? [] : ['--release'];
  execFileSync('cargo', ['build', ...profile, '--target', 'wasm32-unknown-unknown', ...Object.values(bins).flatMap((b) => ['--bin', b])],
    { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: source, encoding: 'utf8' }));
  const level = (readFileSync(join(source, 'index.html'), 'utf8').match(/data-wasm-opt="([^"]*)"/) || [])[1] || 'z';
  const work = mkdtempSync(join(tmpdir(), 'tidoglyst-parts-'));
  for (const [bundle, bin] of Object.entries(bins)) {
    const raw = join(meta.target_directory, 'wasm32-unknown-unknown', DEBUG ? 'debug' : 'release', `${bin}.wasm`);
    const name = `${bin}-${createHash('sha256').update(readFileSync(raw)).digest('hex').slice(0, 16)}`;
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', name, raw], { stdio: 'inherit' });
    if (DEBUG) cpSync(join(work, `${name}_bg.wasm`), join(dir, `${name}_bg.wasm`));
    else execFileSync('wasm-opt', [`-O${level}`, join(work, `${name}_bg.wasm`), '-o', join(dir, `${name}_bg.wasm`)], { stdio: 'inherit' });
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
const minified = (body, module) => (DEBUG ? body : fromE2e('terser').minify_sync(body, { module, compress: true, mangle: true }).code);
for (const js of Object.values(glues)) {
  const file = join(dir, js);
  writeFileSync(file, minified(readFileSync(file, 'utf8'), true));
}

/** Script text that picks the bundle of the address `path` (a script expression) from the generated table. */
const pick = (path) => `bundleAt(${path}, ${JSON.stringify(SITE.segments)}, ${JSON.stringify(SITE.fallback)})`;

// The loader of every page: the bundle that holds the address shown (so
// 404.html, served for deep links, starts the right one too).
const LOADER = `const BUNDLES = ${JSON.stringify(BUNDLE_URLS)};
${bundleAt.toString()}
const here = location.pathname.startsWith(${JSON.stringify(base)}) ? location.pathname.slice(${JSON.stringify(base.length - 1)}) : '/';
const bundle = ${pick('here')};
const [js, wasmUrl] = BUNDLES[bundle];
const glue = import(js);
// The share links' codec: fetched and started once, when a link is first
// made or read (at once for an address that carries one); a failed fetch is
// tried again the next time.
let codec = null;
globalThis.tolCodec = () => (codec ||= import(BUNDLES.codec[0])
  .then(async (m) => { await m.default({ module_or_path: BUNDLES.codec[1] }); return m; })
  .catch((e) => { codec = null; throw e; }));
if (location.hash.startsWith('#data=')) tolCodec().catch(() => {});
// The camera scanner's QR reader ("Skan svar"), the same way: fetched only
// where the browser reads no QR code itself.
let qrReader = null;
globalThis.tolQrReader = () => (qrReader ||= import(BUNDLES['qr-reader'][0])
  .then(async (m) => { await m.default({ module_or_path: BUNDLES['qr-reader'][1] }); return m; })
  .catch((e) => { qrReader = null; throw e; }));
// The HSDS packages' wasm, the same way, on their first export or import.
let hsds = null;
globalThis.tolHsds = () => (hsds ||= import(BUNDLES.hsds[0])
  .then(async (m) => { await m.default({ module_or_path: BUNDLES.hsds[1] }); return m; })
  .catch((e) => { hsds = null; throw e; }));
// 404.html, on a record's page: the record looked up first, so that the
// message of one not on this device is painted before the wasm comes.
await Promise.resolve(globalThis.tolPeek).catch(() => {});
${AFTER_PAINT}// The directory's pages read the example catalogue as soon as they start:
// it comes beside the wasm instead of after it (catalogue::fetch takes it).
// Not the new activity's form, which does not show it.
if (bundle === 'activities' && !/^\\/aktiviteter\\/ny\\/?$/.test(here)) globalThis.tolCatalogue = fetch(${JSON.stringify(base + 'catalogue.json')}).catch(() => null);
const bindings = await glue;
const wasm = await bindings.default({ module_or_path: wasmUrl });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;

let moved = 0;
html = html.replace(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
  if (!body.trim()) return whole;
  // `./x serve`: trunk's live-reload script stays inline, because trunk
  // fills in its address when it serves the page.
  if (DEBUG && body.includes('{{__TRUNK_ADDRESS__}}')) return whole;
  if (body.includes('await init(')) body = LOADER;
  const isModule = /type\s*=\s*["']?module/.test(attrs);
  body = minified(body, isModule);
  const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  moved += 1;
  return `<script${isModule ? ' type="module"' : ''} src="${name}"></script>`;
});

// 404.html's first script, in <head> before the style sheet: for an address
// whose largest text the app draws (an activity of the user's own, an
// unknown address), it preloads the bundle's glue and wasm at once, beside
// the style sheet, instead of after the first paint. A dream's or a
// workshop's page waits: 404.html's last script looks the record up first
// (the first paint's `records`), and paints the message of one not on this device.
const PRELOAD_SCRIPT = minified(`try{(function(){
var B=${JSON.stringify(BUNDLE_URLS)},l=location.pathname;
${bundleAt.toString()}
if(l.indexOf(${JSON.stringify(base)})!==0)return;var h=l.slice(${base.length - 1});if(/^\\/(${FIRST.records.map((r) => r.part).join('|')})\\/${RECORD_ID}$/.test(h))return;
var f=B[${pick('h')}];if(!f)return;
var m=document.createElement('link');m.rel='modulepreload';m.href=f[0];document.head.appendChild(m);
var w=document.createElement('link');w.rel='preload';w.as='fetch';w.crossOrigin='anonymous';w.href=f[1];document.head.appendChild(w)})()}catch(e){}`, false);

// The inline scripts (is this a first visit; on 404.html the preload and the
// record's look-up) are allowed by their hashes, so the policy forbids every
// other inline script. `./x serve`'s live-reload script changes as trunk
// serves it, so there (and only there) inline scripts are allowed instead.
const hashOf = (script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
const hashes = [FRESH_SCRIPT, DEEP_SCRIPT, PRELOAD_SCRIPT].map(hashOf).join(' ');
if (!/script-src 'self'/.test(html)) throw new Error("postbuild: no script-src 'self' in the Content-Security-Policy");
html = html.replace(/script-src 'self'/, `script-src 'self' ${DEBUG ? "'unsafe-inline'" : hashes}`);
// A shared board on another origin, named at build time (./x build --sync-origin).
if (SITE.sync_origin) {
  if (!/connect-src 'self'/.test(html)) throw new Error("postbuild: no connect-src 'self' in the Content-Security-Policy");
  html = html.replace(/connect-src 'self'/, `connect-src 'self' ${SITE.sync_origin}`);
}
if (!html.includes('</head>')) throw new Error('postbuild: no </head> in index.html');
html = html.replace('</head>', `<script>${FRESH_SCRIPT}</script>\n</head>`);
if (!html.includes('<body>')) throw new Error('postbuild: no <body> in index.html');
// Each page preloads the glue of its own bundle and the snippets that glue
// imports (404.html: its loader finds the bundle when it runs).
const preloadsOf = (bundle) => {
  if (!bundle) return '';
  const js = glues[bundle];
  const code = readFileSync(join(dir, js));
  const snippets = [...new Set([...code.toString('utf8').matchAll(/from ['"]\.\/(snippets\/[^'"]+)['"]/g)].map((m) => m[1]))].sort();
  return [...snippets, js].map((f) => {
    const integrity = `sha384-${createHash('sha384').update(readFileSync(join(dir, f))).digest('base64')}`;
    return `<link rel="modulepreload" href="${base}${f}" crossorigin="anonymous" integrity="${integrity}">`;
  }).join('');
};
const trunkPreloads = [...html.matchAll(/<link rel="modulepreload"[^>]*>/g)].map((m) => m[0]).join('');
if (!trunkPreloads) throw new Error('postbuild: no modulepreload links in index.html');
/** The page with the static first paint `body` of a page of `bundle` (none: 404.html), its bundle's sheet and preloads. */
const withShell = (body, bundle) => html
  .replace('<!--style-->', (bundle ? '' : `<script>${PRELOAD_SCRIPT}</script>\n  `) + sheetOf(bundle))
  .replace(trunkPreloads, preloadsOf(bundle))
  .replace('<body>', `<body>\n${body}${bundle ? '' : `<script data-shell="">${DEEP_SCRIPT}</script>`}`);
const write = (file, text) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};
// Every route of the table without a parameter: a page of its own
// (droemme.html, aktiviteter/lister.html …, served for its address by
// GitHub Pages, Netlify and nginx `try_files $uri $uri.html /404.html`).
for (const r of PAGE_ROUTES) write(r.page, withShell(FIRST.pages[r.pattern], r.bundle));
write('404.html', withShell(FIRST.deep, null));
// Each example activity's own page (aktiviteter/<id>.html, a shared
// activity's link): its top is painted before the wasm. Not precached: once
// the service worker is installed, it answers these addresses with 404.html
// from its cache, online or not, and the app draws the activity.
const heldPages = new Set();
for (const a of FIRST.examples) {
  if (!new RegExp(`^${RECORD_ID}$`).test(a.id)) throw new Error(`postbuild: catalogue activity id ${a.id}`);
  const file = `${a.path.replace(/^\//, '')}.html`;
  write(file, withShell(a.body, bundleAt(a.path)));
  heldPages.add(file);
}

// The service worker precaches every file of the build but the example
// activities' pages; its version is the hash of their contents, so any
// change makes a new cache and an update. `./x serve` writes none (its live
// reload would be served stale).
function walk(d) {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = walk(dir)
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((f) => f !== 'sw.js' && !f.startsWith('.') && !heldPages.has(f))
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'sw-template.js'), 'utf8');
// Navigations: a route's own page, anything else 404.html.
const routes = Object.fromEntries(PAGE_ROUTES.map((r) => [r.pattern.replace(/^\//, ''), r.page]));
if (!DEBUG) {
  writeFileSync(join(dir, 'sw.js'), template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(files))
    .replace('__ROUTES__', JSON.stringify(routes)));
}
console.log(`postbuild: moved ${moved} inline script(s), ${Object.keys(glues).length} bundle(s), wrote ${PAGE_ROUTES.length} route pages, ${heldPages.size} activity pages, 404.html${DEBUG ? '' : ' and sw.js'} (${files.length} files, version ${version})`);
