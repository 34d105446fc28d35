// Static first paint: for every route, the HTML the app itself renders first
// (skip link, header with the navigation and display controls, the page's
// heading and intro, the footer), written into the page by
// tools/postbuild.mjs so the browser paints it before the wasm has loaded.
// The app removes every `[data-shell]` element and mounts its own DOM in the
// same task, so nothing is painted in between.
//
// The Danish texts are copies of the ones in the Rust i18n modules (named
// beside each). They cannot drift silently: e2e/tests/first-paint.test.mjs
// opens every route and checks that each static element equals, tag for tag
// and letter for letter, what the app renders in its place.

/** The header, navigation and footer texts (i18n `da::app`). */
const APP = {
  NAME: 'Tid og Lyst',
  SKIP: 'Spring til indhold',
  NAV_LABEL: 'Hovedmenu',
  NAV_HOME: 'Forside',
  NAV_ABOUT: 'Om',
  NAV: [
    ['/droemme', 'Drømme'],
    ['/aktiviteter', 'Aktiviteter'],
    ['/skal-kan', 'SKAL eller KAN'],
    ['/del', 'Del data'],
  ],
  TEXT_SIZE: 'Tekststørrelse',
  TEXT_SIZES: [['A', 'A normal tekst'], ['A+', 'A+ stor tekst'], ['A++', 'A++ meget stor tekst']],
  PROJECTOR: 'Projektor-visning',
  DISPLAY: 'Visning', // da::display::VIEW
  FOOTER: 'Tid og Lyst kører helt i din browser. Intet sendes til en server.',
};

/** Shown, fixed at the bottom of the screen, until the wasm has started. */
export const BOOT_MESSAGE = 'Et øjeblik, appen starter …';

/**
 * Every route with a static page: its path, the file the build writes, the
 * page section's class, and the blocks at the top of the page as [tag,
 * attributes, text] or raw HTML made by a function of the base path.
 */
export const PAGES = [
  {
    path: '/', file: 'index.html', section: 'page home',
    blocks: [
      ['h1', '', 'Frivillig når du har tid og lyst'], // da::home::TITLE
      ['p', ' class="lead"', 'Vælg, hvad du vil i dag. Alt virker også uden internet.'], // da::home::INTRO
      (base) => `<ul class="doors">${[ // da::home::DOORS
        ['droemme', 'Drømmeløber-tavlen', 'Opfyld en ældres konkrete drøm, når du har tid og lyst.'],
        ['aktiviteter', 'Aktiviteter', 'Find fællesskaber og aktiviteter for seniorer nær dig.'],
        ['skal-kan', 'SKAL eller KAN?', 'Workshop: hvilke opgaver er kommunens, og hvilke kan frivillige tage?'],
      ].map(([p, title, text]) => `<li><a class="door" href="${base}${p}"><span class="door__title">${esc(title)}</span><span class="door__text">${esc(text)}</span></a></li>`).join('')}</ul>`,
    ],
  },
  {
    path: '/droemme', file: 'droemme.html', section: 'page dreams-page',
    blocks: [
      ['h1', '', 'Drømmeløber-tavlen'], // dreams::TITLE
      ['p', ' class="lead"', 'Konkrete drømme fra ældre, som du kan opfylde, når du har tid og lyst.'], // dreams::INTRO
    ],
  },
  {
    path: '/aktiviteter', file: 'aktiviteter.html', section: 'page activities',
    blocks: [
      // activities::TITLE and ADD (the search and filters below depend on the catalogue).
      () => '<div class="page-head"><h1>Aktiviteter</h1><div class="actions no-print"><button class="btn btn--primary" type="button">Tilføj aktivitet</button></div></div>',
    ],
  },
  {
    path: '/skal-kan', file: 'skal-kan.html', section: 'page assessment',
    blocks: [
      ['h1', '', 'SKAL eller KAN?'], // assessment::ui::TITLE
      ['p', ' class="lead"', 'En workshop om grænsen mellem kommunens lovpligtige opgaver (SKAL) og det, frivillige kan vælge at gøre (KAN). Deltagerne svarer på deres egen telefon, og svarene samles uden server og uden konto.'], // assessment::ui::INTRO
    ],
  },
  {
    path: '/del', file: 'del.html', section: 'page data-page',
    blocks: [
      ['h1', '', 'Del og importér data'], // da::data::TITLE
      ['p', ' class="lead"', 'Flyt dine data mellem enheder med en fil eller et link. Ingen data sendes til en server.'], // da::data::INTRO
    ],
  },
  {
    path: '/om', file: 'om.html', section: 'page about',
    blocks: [
      ['h1', '', 'Om Tid og Lyst'], // da::about::TITLE
      ['p', ' class="lead"', 'Tid og Lyst samler tre værktøjer til frivillighed på ældreområdet: Drømmeløber-tavlen, en oversigt over åbne aktiviteter og workshoppen SKAL eller KAN?'], // da::about::INTRO
    ],
  },
];

/** Escapes text for HTML. */
export function esc(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The static body for `page` (null: a deep link whose page only the app
 * knows, e.g. 404.html: header and footer, an empty main) under `base`
 * (the `<base href>`, ending in '/').
 */
export function shellBody(page, base) {
  const href = (p) => base + p.replace(/^\//, '');
  const current = page ? page.path : null;
  const nav = APP.NAV.map(([p, label]) => {
    const here = current === p ? ' aria-current="page"' : '';
    return `<li><a href="${href(p)}"${here}>${esc(label)}</a></li>`;
  }).join('');
  const sizes = APP.TEXT_SIZES.map(([label, name], i) =>
    `<button class="btn btn--small" type="button" aria-pressed="${i === 0}" aria-label="${esc(name)}">${esc(label)}</button>`).join('');
  const blocks = page
    ? page.blocks.map((b) => (typeof b === 'function' ? b(base) : `<${b[0]}${b[1]}>${esc(b[2])}</${b[0]}>`)).join('')
    : '';
  const main = page ? `<section class="${page.section}">${blocks}</section>` : '';
  return [
    `<a class="skip-link" href="#main-shell" data-shell="">${esc(APP.SKIP)}</a>`,
    `<header class="site-header" data-shell=""><a class="brand" href="${href('/')}" aria-label="${esc(APP.NAME)} – ${esc(APP.NAV_HOME)}"><img src="${href('/icon.svg')}" alt="" width="40" height="40"><span>${esc(APP.NAME)}</span></a>` +
      `<button class="btn btn--small display-toggle" type="button" aria-expanded="false" aria-controls="display-controls">${esc(APP.DISPLAY)}</button>` +
      `<nav class="main-nav" aria-label="${esc(APP.NAV_LABEL)}"><ul>${nav}</ul></nav>` +
      `<div class="display-controls" id="display-controls"><div class="text-size" role="group" aria-label="${esc(APP.TEXT_SIZE)}">${sizes}</div>` +
      `<button class="btn btn--small" type="button" aria-pressed="false">${esc(APP.PROJECTOR)}</button></div></header>`,
    '<div class="notices" role="status" aria-live="polite" data-shell=""></div>',
    `<main id="main-shell" tabindex="-1" data-shell="">${main}</main>`,
    `<footer class="site-footer" data-shell=""><p>${esc(APP.FOOTER)}</p><a href="${href('/om')}">${esc(APP.NAV_ABOUT)}</a></footer>`,
    `<p id="boot-loading" class="boot-loading" role="status" data-shell="">${esc(BOOT_MESSAGE)}</p>`,
  ].join('\n');
}
