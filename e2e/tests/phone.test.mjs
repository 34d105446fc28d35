// Phone first: every page at a 390 × 844 phone, at 200 % zoom and at 320 px
// width shows its own content on the first screen (the heading, and the
// first door, dream, activity, workshop or button where the page has one),
// nothing scrolls sideways, every target is at least 44 × 44 px and axe-core
// finds nothing. 200 % zoom is a 1280 × 720 laptop at 200 %: a 640 × 360
// CSS-px viewport at device scale factor 2, which is what the browser lays
// out when zoomed. Then the phone's folded controls: "Visning" (text size,
// projector mode), "Filtre (n)" on /aktiviteter, and the board's buttons
// with the remembered answer to "Hvornår har du tid?".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, newPage, open, assertClean, assertAccessible, importFile, ROUTES } from '../lib/harness.mjs';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8');

const SIZES = {
  'phone 390×844': { viewport: { width: 390, height: 844 } },
  '200 % zoom (1280×720 → 640×360)': { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
  '320 px wide (320×568)': { viewport: { width: 320, height: 568 } },
};

/** The first piece of each page's own content, beside its h1 (a page not named here: what follows its h1). */
const FIRST = {
  '/': '.door',
  '/droemme': '.dream-card',
  '/aktiviteter': '.act-card',
  '/skal-kan': 'main .card:not([hidden])',
  '/del': 'main button',
  '/om': 'main h2',
  '/droemme/ny': 'main input',
  '/aktiviteter/ny': 'main input',
  '/aktiviteter/lister': 'main .act-csv',
};


const env = useBrowser();

/** A profile with one dream, one own activity and one workshop from the golden file. */
async function seeded(options) {
  const p = await newPage(env.browser, env.server, options);
  await importFile(p.page, env.server, { name: 'golden.json', text: FIXTURE });
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByText('Importen er gennemført.').waitFor();
  return p;
}

/** Visible buttons, links styled as buttons, navigation links and form fields under 44 × 44 px. */
function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll(
    'button, a.btn, .main-nav a, .brand, select, input:not([type="checkbox"]):not([type="radio"]):not(.file-input), label.check',
  )]
    .filter((el) => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => ({ t: (el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 30), r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.height < 43.5 || r.width < 43.5)
    .map(({ t, r }) => `${t} ${Math.round(r.width)}×${Math.round(r.height)}`));
}

/**
 * The app's own headings (not the titles people type, which may be any
 * length), its name and the front page's doors whose words are split
 * over two lines between letters (a break after a hyphen or a soft hyphen is
 * fine): each part of a word must sit in one line box.
 */
function brokenWords(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const el of document.querySelectorAll('main h1, .card > h2, .dream-column > h2, .brand span, .door__title')) {
      if (el.offsetParent === null || el.getBoundingClientRect().width <= 1) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/[^\s\u00AD-]+[\u00AD-]?/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].replace(/[\u00AD-]$/, '').length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const [name, options] of Object.entries(SIZES)) {
  test(`every page shows its own content on the first screen: ${name}`, async () => {
    const { context, page, problems } = await seeded(options);
    const height = options.viewport.height;
    for (const route of ROUTES) {
      await open(page, env.server, route);
      const h1 = page.locator('main h1').first();
      await h1.waitFor();
      const sel = FIRST[route] || 'main h1 ~ *';
      const first = page.locator(sel).first();
      await first.waitFor();
      const h1Box = await h1.boundingBox();
      const firstBox = await first.boundingBox();
      // boundingBox is relative to the viewport; the page is at its top after a load.
      assert.ok(h1Box.y + h1Box.height <= height, `${route}: the heading ends at ${Math.round(h1Box.y + h1Box.height)} px, below the first screen (${height} px)`);
      assert.ok(firstBox.y + 32 <= height, `${route}: ${sel} starts at ${Math.round(firstBox.y)} px, not on the first screen (${height} px)`);
      assert.ok((await sideways(page)) <= 0, `${route} scrolls sideways`);
      assert.deepEqual(await smallTargets(page), [], `${route}: targets under 44 px`);
      await assertAccessible(page, `${route} @ ${name}`);
    }
    assertClean(problems, name);
    await context.close();
  });
}

test('the phone header is at most 120 px at A, and nothing scrolls sideways at A++ either', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  for (const route of ROUTES) {
    await open(page, env.server, route);
    await page.locator('main h1').first().waitFor();
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header.height <= 120, `${route}: header ${Math.round(header.height)} px`);
  }
  // The four parts sit in one row at A on a 390 px phone.
  const ys = await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link').evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
  assert.equal(new Set(ys).size, 1, `one row of four: ${ys}`);
  // A++ on the phone and on a 320 px screen: still no sideways scrolling, targets still 44 px.
  await page.getByRole('button', { name: 'Visning', exact: true }).click();
  await page.getByRole('button', { name: 'A++ meget stor tekst' }).click();
  for (const viewport of [{ width: 390, height: 844 }, { width: 320, height: 568 }]) {
    await page.setViewportSize(viewport);
    for (const route of ROUTES) {
      await open(page, env.server, route);
      await page.locator('main h1').first().waitFor();
      assert.ok((await sideways(page)) <= 0, `${route} scrolls sideways at A++ ${viewport.width} px`);
      assert.deepEqual(await smallTargets(page), [], `${route} at A++ ${viewport.width} px`);
      assert.deepEqual(await brokenWords(page), [], `${route}: words broken between letters at A++ ${viewport.width} px`);
    }
  }
  assertClean(problems);
  await context.close();
});

test('"Visning" folds out text size and projector mode by keyboard, and Escape folds it back', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await open(page, env.server, '/skal-kan');
  const view = page.getByRole('button', { name: 'Visning', exact: true });
  assert.equal(await view.getAttribute('aria-controls'), 'display-controls');
  assert.equal(await page.getByRole('group', { name: 'Tekststørrelse' }).isVisible(), false);
  await view.focus();
  await page.keyboard.press('Enter');
  assert.equal(await view.getAttribute('aria-expanded'), 'true');
  await page.getByRole('group', { name: 'Tekststørrelse' }).waitFor();
  // Tab goes from "Visning" through the four parts into the panel.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'A normal tekst');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByRole('button', { name: 'A+ stor tekst' }).getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await view.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Visning');
  assert.equal(await page.getByRole('button', { name: 'Projektor-visning' }).isVisible(), false);
  await assertAccessible(page, 'Visning folded again');
  assertClean(problems);
  await context.close();
});

test('/aktiviteter on the phone: search and results first, the rest behind "Filtre (n)" with "Nulstil"', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await open(page, env.server, '/aktiviteter?kategori=it&gratis=1');
  const filters = page.getByRole('button', { name: /^Filtre/ });
  await page.locator('.act-card').first().waitFor();
  assert.equal(await filters.textContent(), 'Filtre (2)');
  assert.equal(await filters.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByLabel('Kategori', { exact: true }).isVisible(), false);
  // "Nulstil" sits beside "Filtre".
  const reset = page.getByRole('button', { name: 'Nulstil' });
  const [a, b] = [await filters.boundingBox(), await reset.boundingBox()];
  assert.ok(Math.abs(a.y - b.y) < 4 && b.x > a.x, 'Nulstil next to Filtre');
  await filters.click();
  assert.equal(await page.getByLabel('Kategori', { exact: true }).inputValue(), 'it');
  assert.equal(await page.getByLabel('Gratis').isChecked(), true);
  await page.getByLabel('Ugedag', { exact: true }).selectOption('tirsdag');
  await page.getByRole('button', { name: 'Filtre (3)', exact: true }).waitFor();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('ugedag'));
  await assertAccessible(page, 'filters unfolded');
  await reset.click();
  await page.getByRole('button', { name: 'Filtre', exact: true }).waitFor();
  await page.waitForFunction(() => new URL(location.href).search === '');
  assertClean(problems);
  await context.close();
});

test('/droemme on the phone: dreams first; the matcher behind a button, its answer remembered', async () => {
  const { context, page, problems } = await seeded({ size: 'phone' });
  await open(page, env.server, '/droemme');
  const finder = page.getByRole('button', { name: 'Hvornår har du tid?' });
  await page.locator('.dream-card').first().waitFor();
  assert.equal(await finder.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByLabel('Jeg har tid fra').isVisible(), false);
  // "Mine drømme" and the coordinator's tools are reachable from the top.
  await page.getByRole('button', { name: 'Mine drømme', exact: true }).click();
  await page.locator('.dreams-mine').getByText('Mine drømme').first().waitFor();
  await page.getByRole('button', { name: 'Koordinator', exact: true }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'coord-title');
  await page.getByRole('button', { name: 'Ny drøm', exact: true }).waitFor();

  await finder.click();
  await page.getByLabel('Eftermiddag').check();
  await page.getByRole('button', { name: 'Find drømme' }).click();
  await page.getByText(/^\d+ drømm?e? passer til din tid$/).waitFor();
  assert.equal(await finder.getAttribute('aria-expanded'), 'false', 'the form folds away after Find drømme');
  await page.reload();
  await page.locator('main#main').waitFor();
  await page.getByText(/^\d+ drømm?e? passer til din tid$/).waitFor();
  assert.equal(await page.getByLabel('Passer til min tid').isChecked(), true);
  await finder.click();
  assert.equal(await page.getByLabel('Eftermiddag').isChecked(), true, 'the answer is remembered');
  await page.getByRole('button', { name: 'Nulstil' }).click();
  await page.reload();
  await page.locator('main#main').waitFor();
  await page.getByText(/^\d+ drømm?e?$/).waitFor();
  assert.equal(await page.getByLabel('Passer til min tid').isChecked(), false, 'Nulstil forgets the answer');
  await assertAccessible(page, 'board after reset');
  assertClean(problems);
  await context.close();
});
