// Static first paint: for every route, the HTML the app itself renders first
// (skip link, header with the navigation and display controls, the page's
// heading and intro, the footer), written into the page by
// tools/postbuild.mjs so the browser paints it before the wasm has loaded.
// The app removes every `[data-shell]` element and mounts its own DOM in the
// same task, so nothing is painted in between.
//
// The Danish texts are not copied here: they are read at build time from the
// core crate's constants (`core/examples/shell_texts.rs` prints them as
// JSON), so the static page and the app say the same thing by construction.
// The markup is this file's; e2e/tests/first-paint.test.mjs opens every
// route and checks that each static element equals, tag for tag and letter
// for letter, the element the app renders in its place.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { SITE } from './site.mjs';

/** The texts, from the core's Danish constants (a native build of the core, cached by cargo). */
const T = JSON.parse(execFileSync('cargo', ['run', '--quiet', '-p', 'tid-og-lyst-core', '--example', 'shell_texts', '--', 'public/catalogue.json'], {
  cwd: resolve(import.meta.dirname, '..'),
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}));
const APP = T.app;

/** Shown, fixed at the bottom of the screen, until the wasm has started. */
export const BOOT_MESSAGE = APP.BOOT;

/**
 * What a device on which the app has never run shows (nothing stored yet),
 * so it can be painted before the wasm too: the block is marked
 * `data-fresh` and shown only when the page's first script (FRESH_SCRIPT)
 * finds no key of the app in local storage; anywhere else the app paints it
 * once it knows what is stored.
 */
const fresh = (html) => html.replace(/^<([a-z0-9]+)/, '<$1 data-fresh=""');

/**
 * Marks the page's root `fresh` when local storage holds no key of the app
 * (the app writes `tidoglyst.schema` on every start, before anything else):
 * inline in <head>, allowed by its hash in the Content-Security-Policy, so it
 * runs before the first paint without a request of its own. Blocked storage
 * counts as not fresh.
 */
export const FRESH_SCRIPT =
  `try{if(!Object.keys(localStorage).some(function(k){return k.indexOf(${JSON.stringify(SITE.storage.prefix)})===0}))document.documentElement.classList.add('fresh')}catch(e){}`;

/** "Del som link" and "Vis QR-kode" before either is pressed (ui::share::ShareLink). */
const shareLink = () =>
  `<div class="share-link"><div class="actions"><button class="btn" type="button">${esc(T.data.SHARE_LINK)}</button>` +
  `<button class="btn" type="button" aria-expanded="false">${esc(T.data.SHOW_QR)}</button></div><p class="share-link__message" role="status"></p></div>`;

/** A heading and a lead paragraph. */
const headAndLead = ({ TITLE, INTRO }) => [['h1', '', TITLE], ['p', ' class="lead"', INTRO]];

/**
 * The top of each route's static page, by its pattern in the route table
 * (src/routes.rs): the page section's class, and the blocks at the top of
 * the page as [tag, attributes, text] or raw HTML made by a function of the
 * base path. A route of the table without one here gets the header, the
 * navigation, the footer and the "appen starter" message.
 */
const TOPS = {
  '/': {
    section: 'page home',
    blocks: [
      ...headAndLead(T.home),
      (base) => `<ul class="doors">${T.home.DOORS.map(([p, title, text]) =>
        `<li><a class="door" href="${base}${p.replace(/^\//, '')}"><span class="door__title">${esc(title)}</span><span class="door__text">${esc(text)}</span></a></li>`).join('')}</ul>`,
    ],
  },
  '/droemme': {
    section: 'page dreams-page',
    // An empty board says so under the heading.
    blocks: [...headAndLead(T.dreams), () => fresh(`<p class="notice">${esc(T.dreams.EMPTY_BOARD)}</p>`)],
  },
  '/aktiviteter': {
    section: 'page activities',
    blocks: [
      // The heading and "Tilføj aktivitet" (the search and filters below depend on the catalogue).
      () => `<div class="page-head"><h1>${esc(T.activities.TITLE)}</h1><div class="actions no-print"><button class="btn btn--primary" type="button">${esc(T.activities.ADD)}</button></div></div>`,
    ],
  },
  '/skal-kan': { section: 'page assessment', blocks: headAndLead(T.assessment) },
  '/del': {
    section: 'page data-page',
    blocks: [
      ...headAndLead(T.data),
      // Nothing stored yet, then "Eksportér" and "Del uden fil" (the cards
      // after the counts, so shown only when the counts are known).
      () => fresh(`<p class="stats">${esc(T.data.STATS_NONE)}</p>`),
      () => fresh(`<section class="card" aria-labelledby="export-title"><h2 id="export-title">${esc(T.data.EXPORT_TITLE)}</h2>` +
        `<button class="btn btn--primary" type="button">${esc(T.data.EXPORT)}</button><p class="result" role="status"></p></section>`),
      () => fresh(`<section class="card" aria-labelledby="link-title"><h2 id="link-title">${esc(T.data.SHARE_TITLE)}</h2><p>${esc(T.data.SHARE_HELP)}</p>` +
        `${shareLink()}</section>`),
    ],
  },
  '/om': { section: 'page about', blocks: headAndLead(T.about) },
  '/droemme/ny': {
    section: 'page dream-page',
    blocks: [(base) => `<p><a class="back-link" href="${base}droemme">${esc(T.dreams.BACK)}</a></p>`, ['h1', '', T.dreams.NEW_TITLE]],
  },
  '/aktiviteter/ny': {
    section: 'page activity-form',
    blocks: [(base) => `<p><a href="${base}aktiviteter">${esc(T.activities.BACK)}</a></p>`, ['h1', '', T.activities.NEW_TITLE]],
  },
  '/aktiviteter/lister': {
    section: 'page act-lists',
    blocks: [
      (base) => `<p class="no-print"><a href="${base}aktiviteter">${esc(T.activities.BACK_TO_SEARCH)}</a></p>`,
      ['h1', '', T.activities.LISTS],
      // Where the count of the activities shown comes once the catalogue is read.
      ['p', ' class="result-count" role="status" aria-live="polite"', T.activities.LOADING],
      // The CSV card as the app draws it before a file is chosen (its hint is the
      // page's largest text on a phone).
      () => `<section class="card act-csv no-print"><p>${esc(T.activities.EXPORT_CSV_HINT)}</p>` +
        `<div class="actions"><button class="btn" type="button">${esc(T.activities.EXPORT_CSV)}</button>` +
        '<input class="file-input" id="act-csv-file" type="file" accept=".csv,text/csv">' +
        `<label class="btn" for="act-csv-file">${esc(T.activities.IMPORT_CSV)}</label></div>` +
        `<p class="hint">${esc(T.activities.SHARE_SHOWN_HINT)}</p>${shareLink()}` +
        '<div role="alert"></div><p class="act-csv-progress" role="status"></p></section>',
    ],
  },
};

/** The static top of the route `pattern` ({ section, blocks }), or none (an empty <main>). */
export const topOf = (pattern) => TOPS[pattern] || {};

/**
 * The top of each example activity's page, for the activities the app reads
 * from the catalogue (public/catalogue.json, read by the core at build time:
 * id, the category's name, title, example, organizer).
 */
export const CATALOGUE_TOPS = T.catalogue;

/**
 * An example activity's own page, `aktiviteter/<id>.html` (the catalogue is
 * the build's, so its activities' pages are known; a shared activity's link
 * opens one): the top of the page the app draws for it (back link,
 * category, title, the example notice, the organizer), down to the line of
 * its next time, which depends on the day it is opened. The article is
 * marked `data-held`: the app keeps it on screen until it has read the
 * catalogue and draws the same top in its place (ui::held), so the largest
 * text, the example notice, is painted once, before the wasm.
 */
export function activityPage(a) {
  return {
    path: `/aktiviteter/${a.id}`, file: `aktiviteter/${a.id}.html`, section: 'page activity-detail', tag: 'article',
    held: a.id,
    blocks: [
      (base) => `<p class="no-print"><a href="${base}aktiviteter">${esc(T.activities.BACK)}</a></p>`,
      ['p', ' class="activity-detail__category"', a.category],
      ['h1', '', a.title],
      ...(a.example ? [['p', ' class="notice example-notice"', T.activities.EXAMPLE_NOTICE]] : []),
      ...(a.organizer ? [['p', ' class="lead"', a.organizer]] : []),
    ],
  };
}

/** A record's id in an address, as the app writes it. */
export const RECORD_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * A record's page whose record is not on this device: the part's address
 * (its records are at `<part>/<id>`), where the app keeps them (the
 * IndexedDB store, and the local-storage key of the first version's records
 * that the app has not yet moved into it, or keeps them in where IndexedDB
 * is blocked: src/names.rs, through tools/site.mjs), and the message the app
 * shows in its place.
 * 404.html carries each as a template; DEEP_SCRIPT looks the id up and
 * paints the message when the record is not there, so someone who opens a
 * link to a dream or a workshop they do not have learns it before the wasm
 * has loaded. A record that is there, or a storage that cannot be read, is
 * left to the app.
 */
const MISSING = {
  droemme: {
    section: 'page dream-page',
    blocks: [(base) => `<p><a class="back-link" href="${base}droemme">${esc(T.dreams.BACK)}</a></p>`, ['h1', '', T.dreams.TITLE], ['p', ' class="gone"', T.dreams.NOT_FOUND]],
  },
  'skal-kan': {
    section: 'page assessment',
    blocks: [['h1', '', T.assessment.TITLE], ['p', ' class="gone"', T.assessment.NOT_FOUND], (base) => `<p><a href="${base}skal-kan">${esc(T.assessment.BACK)}</a></p>`],
  },
};
export const RECORD_PAGES = SITE.storage.records.map((r) => ({ ...r, ...MISSING[r.part] }));

/**
 * 404.html's own inline script, right after <main> (allowed by its hash like
 * FRESH_SCRIPT): marks the navigation's part of the address shown (as the
 * app's navigation does: its path or one below it); on a dream's or a
 * workshop's page it looks the record up (RECORD_PAGES). Paths compare as the browser resolves
 * them against <base href>, so the sub-path build needs nothing else.
 */
export const DEEP_SCRIPT =
  "try{(function(){var l=location.pathname,a=document.querySelectorAll('.main-nav a'),r=document.querySelectorAll('template[data-record]'),i,p,d;" +
  "for(i=0;i<a.length;i++)if(l===a[i].pathname||l.indexOf(a[i].pathname+'/')===0)a[i].setAttribute('aria-current','page');" +
  // A record's page: is the record on this device? The loader waits for the
  // answer (globalThis.tolPeek, at most half a second) before it fetches the wasm.
  "for(i=0;i<r.length;i++){p=new URL(r[i].getAttribute('data-record'),document.baseURI).pathname+'/';d=l.slice(p.length);" +
  "if(l.indexOf(p)===0&&/^" + RECORD_ID + "$/.test(d)){globalThis.tolPeek=new Promise(function(done){try{peek(r[i],d,done)}catch(e){done()}setTimeout(done,500)});return}}" +
  "function peek(t,id,done){" +
  "function gone(){var m=document.getElementById('main-shell');if(m&&!m.firstChild)m.appendChild(t.content.cloneNode(true));done()}" +
  // A device the app has never run on (it writes tidoglyst.schema first on
  // every start) holds no record: said at once, in the first paint.
  "if(!Object.keys(localStorage).some(function(k){return k.indexOf(" + JSON.stringify(SITE.storage.prefix) + ")===0}))return gone();" +
  // The first version's records, not yet moved into IndexedDB (or kept in
  // local storage where IndexedDB is blocked): the app reads them.
  "if(localStorage.getItem(t.getAttribute('data-legacy'))!==null)return done();" +
  "var s=t.getAttribute('data-store'),q=indexedDB.open(" + JSON.stringify(SITE.storage.db) + "),n=0;" +
  // No database yet: none is made here (the app makes it), and no record is
  // in it. Any other failure to open it is left to the app.
  "q.onupgradeneeded=function(){n=1;q.transaction.abort()};q.onerror=function(){n?gone():done()};q.onblocked=done;" +
  "q.onsuccess=function(){var b=q.result,g;try{if(!b.objectStoreNames.contains(s)){b.close();return done()}g=b.transaction(s).objectStore(s).get(id)}catch(e){b.close();return done()}" +
  "g.onerror=function(){b.close();done()};g.onsuccess=function(){var v=g.result,x=v===undefined;b.close();if(!x)try{x=JSON.parse(v).deleted===true}catch(e){}x?gone():done()}}}" +
  "})()}catch(e){}";

/** A page's blocks as HTML under `base`. */
const blocksOf = (page, base) =>
  page.blocks.map((b) => (typeof b === 'function' ? b(base) : `<${b[0]}${b[1]}>${esc(b[2])}</${b[0]}>`)).join('');

/** Escapes text for HTML. */
export function esc(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The static body for `page` (null: 404.html, for deep links: header and
 * footer, an empty main, RECORD_PAGES' templates and DEEP_SCRIPT) under `base`
 * (the `<base href>`, ending in '/').
 */
export function shellBody(page, base) {
  const href = (p) => base + p.replace(/^\//, '');
  const current = page ? page.path : null;
  const nav = APP.NAV.map(([p, label]) => {
    // As the app's navigation: the part's page or one below it.
    const here = current && (current === p || current.startsWith(`${p}/`)) ? ' aria-current="page"' : '';
    return `<li><a href="${href(p)}"${here}>${esc(label)}</a></li>`;
  }).join('');
  const sizes = APP.TEXT_SIZES.map(([label, name], i) =>
    `<button class="btn btn--small" type="button" aria-pressed="${i === 0}" aria-label="${esc(name)}">${esc(label)}</button>`).join('');
  const tag = page?.tag || 'section';
  const held = page?.held ? ` data-held="${esc(page.held)}"` : '';
  const main = page?.blocks ? `<${tag} class="${page.section}"${held}>${blocksOf(page, base)}</${tag}>` : '';
  // 404.html: the messages of a record not on this device, and the script that looks it up.
  const deep = page ? [] : [
    ...RECORD_PAGES.map((d) => `<template data-record="${d.part}" data-store="${d.store}" data-legacy="${d.legacy}" data-shell=""><section class="${d.section}">${blocksOf(d, base)}</section></template>`),
    `<script data-shell="">${DEEP_SCRIPT}</script>`,
  ];
  return [
    `<a class="skip-link" href="#main-shell" data-shell="">${esc(APP.SKIP)}</a>`,
    `<header class="site-header" data-shell=""><a class="brand" href="${href('/')}" aria-label="${esc(APP.NAME)} – ${esc(APP.NAV_HOME)}"><img src="${href('/icon.svg')}" alt="" width="40" height="40"><span>${esc(APP.NAME)}</span></a>` +
      `<button class="btn btn--small display-toggle" type="button" aria-expanded="false" aria-controls="display-controls">${esc(APP.DISPLAY)}</button>` +
      `<nav class="main-nav" aria-label="${esc(APP.NAV_LABEL)}"><ul>${nav}</ul></nav>` +
      `<div class="display-controls" id="display-controls"><div class="text-size" role="group" aria-label="${esc(APP.TEXT_SIZE)}">${sizes}</div>` +
      `<button class="btn btn--small" type="button" aria-pressed="false">${esc(APP.PROJECTOR)}</button>` +
      `<button class="btn btn--small" type="button" aria-pressed="false">${esc(APP.TABLET)}</button></div></header>`,
    '<div class="notices" role="status" aria-live="polite" data-shell=""></div>',
    `<main id="main-shell" tabindex="-1" data-shell="">${main}</main>`,
    ...deep,
    `<footer class="site-footer" data-shell=""><p>${esc(APP.FOOTER)}</p><a href="${href('/om')}">${esc(APP.NAV_ABOUT)}</a></footer>`,
    `<p id="boot-loading" class="boot-loading" role="status" data-shell="">${esc(BOOT_MESSAGE)}</p>`,
  ].join('\n');
}
