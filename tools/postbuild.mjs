// Trunk post_build hook: joins the style sheets into one; starts the wasm
// download at the first paint, not before; keeps the Content-Security-Policy
// strict by moving every inline <script> trunk writes into a file of its own;
// writes for every route a page with its static first paint (tools/shell.mjs):
// index.html, droemme.html, … (served for /droemme by GitHub Pages, Netlify
// and nginx `try_files $uri $uri.html /404.html`), and the 404.html fallback
// that static hosts serve for deep links; then the service worker.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES, shellBody, FRESH_SCRIPT } from './shell.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
const DEBUG = process.env.TRUNK_PROFILE === 'debug';
let html = readFileSync(indexPath, 'utf8');

// One style sheet instead of one per part: each render-blocking request costs
// a round trip before the first paint on a slow connection.
const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*>\n?/g)];
if (sheets.length > 1) {
  const css = sheets.map(([, href]) => readFileSync(join(dir, href.replace(/^.*\//, '')), 'utf8')).join('\n');
  const name = `style-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(dir, name), css);
  for (const [, href] of sheets) unlinkSync(join(dir, href.replace(/^.*\//, '')));
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  const prefix = sheets[0][1].replace(/[^/]*$/, '');
  html = html.replace(sheets[0][0], `<link rel="stylesheet" href="${prefix}${name}" integrity="${integrity}"/>\n`);
  for (const [tag] of sheets.slice(1)) html = html.replace(tag, '');
}

// The wasm is fetched as soon as the static page has painted, not before: on
// a slow connection the first paint then gets the whole line (the HTML and
// one style sheet, about 10 KB), and the wasm's download never delays it.
// The loader's JS stays modulepreloaded, so nothing waits on a JS round trip.
html = html.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>\n?/, '');
const AFTER_PAINT = `await new Promise((go) => {
  if (document.hidden || performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint')) { go(); return; }
  try { new PerformanceObserver(() => go()).observe({ type: 'paint' }); } catch (e) { requestAnimationFrame(() => setTimeout(go, 0)); }
  setTimeout(go, 1000);
});
`;

// Trunk writes the snippets' modulepreloads in no fixed order; sorted, the
// same code always gives the same page (and the same size).
const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*>/g)].map((m) => m[0]);
if (preloads.length > 1) {
  html = html.replace(preloads.join(''), [...preloads].sort().join(''));
}

let moved = 0;
html = html.replace(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
  if (!body.trim()) return whole;
  // `./x serve` (debug): trunk's live-reload script stays inline, because
  // trunk fills in its address when it serves the page.
  if (DEBUG && body.includes('{{__TRUNK_ADDRESS__}}')) return whole;
  if (body.includes('await init(')) body = body.replace(/^const wasm = await init\(/m, `${AFTER_PAINT}$&`);
  const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  moved += 1;
  const isModule = /type\s*=\s*["']?module/.test(attrs);
  return `<script${isModule ? ' type="module"' : ''} src="${name}"></script>`;
});
// The one inline script: is this a first visit (tools/shell.mjs)? Allowed by
// its hash, so the policy still forbids every other inline script.
// The development server's live-reload script changes as trunk serves it,
// so there (and only there) inline scripts are allowed instead.
const freshHash = `'sha256-${createHash('sha256').update(FRESH_SCRIPT).digest('base64')}'`;
if (!/script-src 'self'/.test(html)) throw new Error("postbuild: no script-src 'self' in the Content-Security-Policy");
html = html.replace(/script-src 'self'/, `script-src 'self' ${DEBUG ? "'unsafe-inline'" : freshHash}`);
if (!html.includes('</head>')) throw new Error('postbuild: no </head> in index.html');
html = html.replace('</head>', `<script>${FRESH_SCRIPT}</script>\n</head>`);
// The app's base path, as trunk wrote it into <base href>.
const base = (html.match(/<base href="([^"]*)"/) || [])[1] || '/';
if (!html.includes('<body>')) throw new Error('postbuild: no <body> in index.html');
const withShell = (page) => html.replace('<body>', `<body>\n${shellBody(page, base)}`);
for (const page of PAGES) writeFileSync(join(dir, page.file), withShell(page));
writeFileSync(join(dir, '404.html'), withShell(null));

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
  .filter((f) => f !== 'sw.js' && !f.startsWith('.'))
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'sw-template.js'), 'utf8');
// Navigations: a route's own page, anything else (deep links) the neutral 404.html.
const routes = Object.fromEntries(PAGES.map((p) => [p.path.replace(/^\//, ''), p.file]));
if (!DEBUG) {
  writeFileSync(join(dir, 'sw.js'), template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(files))
    .replace('__ROUTES__', JSON.stringify(routes)));
}
console.log(`postbuild: moved ${moved} inline script(s), wrote ${PAGES.length} route pages, 404.html and sw.js (${files.length} files, version ${version})`);
