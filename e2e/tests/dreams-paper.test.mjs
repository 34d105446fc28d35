// Drømmeløber-tavlen on paper and in numbers, as a coordinator uses it at
// the end of the year and at the library's notice board:
// - "Året i tal" counts the seeded dreams by month (Copenhagen time) and
//   category, with totals; another year has its own counts; the CSV has the
//   same figures in Danish Excel's dialect and no name, contact or title;
//   it prints on one A4 page.
// - A dream's "Udskriv opslag" makes an A4 sheet with its facts and the
//   coordinator's contact, never the private note or a runner; the print of
//   every open dream leaves out the ones held back. Both are printed to PDF
//   (one page each) and rendered for print; every QR code on the rendering
//   is decoded with zbarimg, and each link opens its dream on a phone that
//   has never seen it, without the private note or the runners.
// Every page is checked with axe-core at phone and tablet size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useBrowser, newPage, open, assertClean, assertAccessible, downloadText, importFile, dayFromToday,
} from '../lib/harness.mjs';

const env = useBrowser();

const YEAR = new Date().getFullYear();
const PRIVATE = 'Bor hos datteren Lise på Havnevej 12';
/** Every word of the seeded dreams that names or reaches a person, or says where. */
const PERSONAL = ['Inger', 'Anna', 'Bent', 'Carl', 'Lone', 'lone@example.dk', 'example.dk', 'Havnevej', 'Lise', 'Husby', 'Assens'];

const rev = (at) => ({ at, n: 0, by: 'koordinator01' });
const uuid = (kind, n) => `00000000-0000-4000-${kind}-${String(n).padStart(12, '0')}`;

/**
 * A dream in the export format: `n`, `title`, `category`, posted at
 * `posted` (UTC), `status` with its log `events` [[event, at]], `claims`
 * [[name, released]], `hours`, `needed`, confirmed boundaries unless
 * `flagged`, and the coordinator's private note.
 */
function dream({ n, title, category, posted, status = 'open', events = [], claims = [], hours = 3, needed = 2, flagged = false, deleted = false }) {
  const last = events.length ? events[events.length - 1][1] : posted;
  return {
    id: uuid('8000', n), rev: rev(last), deleted,
    title, story: 'Inger vil gerne mærke sandet under fødderne igen, som da hun var barn.',
    dreamer: 'Inger', dreamer_age: 84, municipality: 'Assens', place: 'Stranden ved Husby',
    window_from: dayFromToday(5), window_to: dayFromToday(40), reply_by: dayFromToday(20),
    times: ['formiddag'], duration_hours: hours, runners_needed: needed, category, needs: ['bil'],
    coordinator: { name: 'Lone', contact: 'lone@example.dk' },
    boundaries_ok: flagged ? [] : ['penge', 'medicin', 'noegler', 'pleje', 'myndighed'],
    status, outcome: status === 'fulfilled' ? 'Det blev en dejlig dag.' : undefined,
    claims: claims.map(([name, released], i) => ({
      id: uuid('9000', n * 100 + i), rev: rev(posted), deleted: released, name,
      contact: `${name.toLowerCase()}@example.dk`, claimed_at: posted,
    })),
    log: [['created', posted], ...events].map(([event, at]) => ({ rev: rev(at), who: 'Lone', event })),
    private_note: { text: PRIVATE, rev: rev(posted) },
  };
}

/** The coordinator's board: what "Året i tal" and the posters are made of. */
const DREAMS = [
  // Posted 00:30 on 1 February in Copenhagen (still January in UTC), fulfilled in March by Anna and Bent (Carl let go), 3 h.
  dream({ n: 1, title: 'Havtur ved Husby', category: 'natur', posted: `${YEAR}-01-31T23:30:00.000Z`, status: 'fulfilled',
    events: [['fulfilled', `${YEAR}-03-15T10:00:00.000Z`]], claims: [['Anna', false], ['Bent', false], ['Carl', true]] }),
  // Music, posted in February, cancelled in April.
  dream({ n: 2, title: 'Koncert i domkirken', category: 'musik', posted: `${YEAR}-02-10T10:00:00.000Z`, status: 'cancelled',
    events: [['cancelled', `${YEAR}-04-01T08:00:00.000Z`]] }),
  // A visit posted in March, open, Anna has taken one of two places.
  dream({ n: 3, title: 'Kaffe og kage på havnen', category: 'besoeg', posted: `${YEAR}-03-01T10:00:00.000Z`, claims: [['Anna', false]] }),
  // Nature, posted in May, open.
  dream({ n: 4, title: 'Skovtur i bøgeskoven', category: 'natur', posted: `${YEAR}-05-05T10:00:00.000Z`, needed: 1 }),
  // Open but held back from runners (no boundary confirmed): never on a poster; posted in May.
  dream({ n: 5, title: 'Hemmelig tur uden grænser', category: 'andet', posted: `${YEAR}-05-06T10:00:00.000Z`, flagged: true }),
  // Deleted: counts nowhere.
  dream({ n: 6, title: 'Slettet drøm', category: 'natur', posted: `${YEAR}-02-01T10:00:00.000Z`, status: 'fulfilled',
    events: [['fulfilled', `${YEAR}-02-02T10:00:00.000Z`]], claims: [['Anna', false]], deleted: true }),
  // The year before.
  dream({ n: 7, title: 'Sidste års drøm', category: 'mad', posted: `${YEAR - 1}-06-01T10:00:00.000Z`, status: 'cancelled',
    events: [['cancelled', `${YEAR - 1}-06-20T10:00:00.000Z`]] }),
];

const FILE = JSON.stringify({ format: 'tid-og-lyst', version: 1, exported_at: new Date().toISOString(), origin: 'koordinator01', dreams: DREAMS, activities: [], assessments: [] });

/** A coordinator's device with the board above. */
async function coordinator(options) {
  const p = await newPage(env.browser, env.server, options);
  await importFile(p.page, env.server, { name: 'tavle.json', text: FILE });
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByText('Importen er gennemført.').waitFor();
  return p;
}

function pdfPages(buf) {
  return (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

/** The rows of a figures table: [name, …figures] per line of its body, and of its foot. */
async function tableRows(section) {
  const read = (rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent.trim()));
  return {
    body: await section.locator('tbody tr').evaluateAll(read),
    foot: await section.locator('tfoot tr').evaluateAll(read),
  };
}

/** Every QR code in a PNG of `page` rendered for print, decoded by zbarimg. */
async function decodePrinted(page, name) {
  const dir = mkdtempSync(join(tmpdir(), 'opslag-'));
  const png = join(dir, `${name}.png`);
  await page.screenshot({ path: png, fullPage: true });
  const out = execFileSync('zbarimg', ['--quiet', '--raw', png]).toString('utf8');
  return out.split('\n').map((s) => s.trim()).filter(Boolean);
}

/**
 * Opens `link` on a phone that has never run the app: its preview, "Flet
 * ind", then the dream, which must be one of `titles`. Returns the title and
 * the phone's export.
 */
async function openOnFreshPhone(link, titles) {
  const b = await newPage(env.browser, env.server, { size: 'phone' });
  await b.page.goto(link);
  const preview = b.page.locator('.preview');
  await preview.waitFor();
  assert.match(await preview.innerText(), /1 ny, 0 opdaterede, 0 konflikter/);
  await b.page.getByRole('button', { name: 'Flet ind' }).click();
  await b.page.getByText('Importen er gennemført.').waitFor();
  await b.page.locator('.dream-card').first().waitFor();
  const found = [];
  for (const t of titles) if (await b.page.getByRole('link', { name: t, exact: true }).count()) found.push(t);
  assert.equal(found.length, 1, `the link brings one of ${titles}: ${found}`);
  const title = found[0];
  await b.page.getByRole('link', { name: title, exact: true }).click();
  await b.page.getByRole('heading', { level: 1, name: title }).waitFor();
  await b.page.getByRole('button', { name: 'Jeg tager den' }).waitFor();
  assert.equal(await b.page.getByText(PRIVATE).count(), 0, 'no private note on the phone');
  await open(b.page, env.server, '/del');
  const out = await downloadText(b.page, () => b.page.getByRole('button', { name: 'Eksportér data' }).click());
  assertClean(b.problems, 'fresh phone');
  await b.context.close();
  return { title, copy: JSON.parse(out.text) };
}

for (const size of ['phone', 'tablet']) {
  test(`"Året i tal" counts the year by month and category, prints on one page and saves a CSV without names (${size})`, async () => {
    const { context, page, problems } = await coordinator({ size });
    await open(page, env.server, '/droemme');
    await page.getByRole('link', { name: 'Året i tal (til årsberetningen)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Året i tal' }).waitFor();
    assert.equal(await page.getByLabel('År', { exact: true }).inputValue(), String(YEAR), 'this year first');

    const months = page.locator('.dreams-report__part').filter({ has: page.getByRole('heading', { name: `Måned for måned i ${YEAR}` }) });
    const { body, foot } = await tableRows(months);
    assert.equal(body.length, 12);
    assert.deepEqual(body.filter((r) => r.slice(1).some((x) => x !== '0')), [
      ['februar', '2', '0', '0', '0', '0'],
      ['marts', '1', '1', '0', '2', '6'],
      ['april', '0', '0', '1', '0', '0'],
      ['maj', '2', '0', '0', '0', '0'],
    ], 'posted at 00:30 on 1 February in Copenhagen is February; the deleted dream counts nowhere');
    assert.deepEqual(foot, [['I alt', '5', '1', '1', '2', '6']]);
    const categories = page.locator('.dreams-report__part').filter({ has: page.getByRole('heading', { name: `Efter kategori i ${YEAR}` }) });
    const byCategory = await tableRows(categories);
    assert.deepEqual(byCategory.body.filter((r) => r.slice(1).some((x) => x !== '0')), [
      ['Natur', '2', '1', '0', '2', '6'],
      ['Musik', '1', '0', '1', '0', '0'],
      ['Besøg', '1', '0', '0', '0', '0'],
      ['Andet', '1', '0', '0', '0', '0'],
    ]);
    assert.deepEqual(byCategory.foot, foot, 'both tables add up to the same year');
    const text = await page.locator('main').innerText();
    for (const word of PERSONAL) assert.ok(!text.includes(word), `the report shows ${word}`);
    await assertAccessible(page, `year report @ ${size}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the report scrolls sideways by ${overflow}px at ${size}`);

    // The CSV: Danish Excel's dialect, the same figures, no name.
    const csv = await downloadText(page, () => page.getByRole('button', { name: 'Hent CSV (regneark)' }).click());
    assert.equal(csv.name, `droemme-aaret-i-tal-${YEAR}.csv`);
    assert.ok(csv.text.startsWith('\ufeff'), 'UTF-8 BOM');
    assert.deepEqual(csv.text.slice(1).split('\r\n'), [
      'År;Måned;Kategori;Opslået;Opfyldt;Aflyst;Drømmeløbere;Timer givet',
      `${YEAR};februar;Natur;1;0;0;0;0`,
      `${YEAR};februar;Musik;1;0;0;0;0`,
      `${YEAR};marts;Natur;0;1;0;2;6`,
      `${YEAR};marts;Besøg;1;0;0;0;0`,
      `${YEAR};april;Musik;0;0;1;0;0`,
      `${YEAR};maj;Natur;1;0;0;0;0`,
      `${YEAR};maj;Andet;1;0;0;0;0`,
      `${YEAR};Hele året;Alle;5;1;1;2;6`,
      '',
    ]);
    for (const word of [...PERSONAL, ...DREAMS.map((d) => d.title)]) assert.ok(!csv.text.includes(word), `the CSV holds ${word}`);
    await page.getByText(`Regnearket er gemt som droemme-aaret-i-tal-${YEAR}.csv.`).waitFor();

    // Print: one A4 page without the controls.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Udskriv' }).isVisible(), false);
    assert.equal(await page.getByLabel('År', { exact: true }).isVisible(), false);
    assert.equal(await page.locator('.site-header').isVisible(), false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdfPages(pdf), 1, 'the year fits one A4 page');
    await page.emulateMedia({ media: 'screen' });

    // The year before has its own counts.
    await page.getByLabel('År', { exact: true }).selectOption(String(YEAR - 1));
    await page.getByRole('heading', { name: `Måned for måned i ${YEAR - 1}` }).waitFor();
    assert.deepEqual((await tableRows(page.locator('.dreams-report__part').first())).foot, [['I alt', '1', '0', '1', '0', '0']]);
    assertClean(problems, size);
    await context.close();
  });
}

test('a dream\'s A4 sheet: its facts and the coordinator\'s contact, no private note or runner; its QR code opens it on a new phone', async () => {
  const { context, page, problems } = await coordinator({ size: 'tablet', deviceScaleFactor: 3 });
  const title = 'Kaffe og kage på havnen';
  await open(page, env.server, `/droemme/${uuid('8000', 3)}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('link', { name: 'Udskriv opslag' }).click();
  const sheet = page.locator('article.poster');
  await sheet.getByRole('heading', { level: 1, name: title }).waitFor();
  await sheet.locator('.qr__code path').waitFor();
  const text = await sheet.innerText();
  assert.match(text, /Drøm søger drømmeløber/);
  assert.match(text, /Vi mangler 1 drømmeløber\./);
  assert.match(text, /Inger vil gerne mærke sandet/);
  assert.match(text, /Koordinator\s+Lone, lone@example\.dk/);
  assert.match(text, /Hvor\s+Stranden ved Husby, Assens/);
  assert.match(text, /Drømmeløbere\s+1 af 2/);
  for (const word of ['Havnevej', 'Lise', 'Anna', 'anna@']) assert.ok(!text.includes(word), `the sheet shows ${word}`);
  await assertAccessible(page, 'A4 sheet @ tablet');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Udskriv' }).isVisible(), false, 'buttons are not printed');
  assert.equal(await page.getByRole('link', { name: 'Tilbage til drømmen' }).isVisible(), false);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdfPages(pdf), 1, 'the sheet is one A4 page');
  const qrWidth = await sheet.locator('.qr__code').evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(Math.abs(qrWidth - (8 / 2.54) * 96) < 2, `the printed code is 8 cm wide (${qrWidth} px)`);
  const links = await decodePrinted(page, 'sheet');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(links.length, 1, `one code on the sheet: ${links}`);
  assert.ok(links[0].startsWith(env.server.url('/droemme#data=')), links[0]);

  const { copy } = await openOnFreshPhone(links[0], [title]);
  assert.deepEqual(copy.dreams.map((d) => d.title), [title]);
  const got = JSON.stringify(copy.dreams[0]);
  for (const word of ['Havnevej', 'Lise', 'Anna', 'private_note']) assert.ok(!got.includes(word), `the poster's link carries ${word}`);
  assert.equal(copy.dreams[0].coordinator.contact, 'lone@example.dk', 'the coordinator can be reached');
  assertClean(problems);
  await context.close();
});

test('the print of every open dream: one page, a QR code each that opens it on a new phone; held-back dreams left out', async () => {
  const { context, page, problems } = await coordinator({ size: 'tablet', deviceScaleFactor: 3 });
  await open(page, env.server, '/droemme');
  await page.getByRole('link', { name: 'Opslag til opslagstavlen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Opslag' }).waitFor();
  const cards = page.locator('.poster-card');
  await page.locator('.poster-card .qr__code path').nth(1).waitFor();
  const titles = await cards.locator('h2').allInnerTexts();
  assert.deepEqual([...titles].sort(), ['Kaffe og kage på havnen', 'Skovtur i bøgeskoven']);
  await page.getByText('1 drøm er ikke med, fordi grænserne ikke er bekræftet.').waitFor();
  const text = await page.locator('main').innerText();
  for (const word of ['Hemmelig tur', 'Havtur', 'Koncert', 'Havnevej', 'Anna']) assert.ok(!text.includes(word), `the print shows ${word}`);
  await assertAccessible(page, 'open dreams @ tablet');

  // A link to each one's own sheet.
  const sheetLink = cards.first().getByRole('link', { name: /^A4-opslag/ });
  assert.match(await sheetLink.evaluate((a) => a.textContent), new RegExp(`^A4-opslag: ${titles[0]}$`));

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByText('1 drøm er ikke med').isVisible(), false, 'the coordinator\'s note is not printed');
  assert.equal(await page.getByText('Drømme, der søger drømmeløbere').isVisible(), true, 'the printed heading');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdfPages(pdf), 1, 'every open dream on one A4 page');
  const links = await decodePrinted(page, 'all-open');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(links.length, 2, `a code per dream: ${links.join('\n')}`);
  assert.equal(new Set(links).size, 2);
  const opened = [];
  for (const link of links) {
    const { title, copy } = await openOnFreshPhone(link, titles);
    assert.deepEqual(copy.dreams.map((d) => d.title), [title]);
    assert.ok(!JSON.stringify(copy.dreams[0]).includes('Havnevej'));
    opened.push(title);
  }
  assert.deepEqual(opened.sort(), [...titles].sort());
  assertClean(problems);
  await context.close();
});

for (const size of ['phone', 'tablet']) {
  test(`the posters pages are accessible and fit the screen at ${size} size`, async () => {
    const { context, page, problems } = await coordinator({ size });
    for (const path of ['/droemme/opslag', `/droemme/opslag?droem=${uuid('8000', 4)}`, `/droemme/opslag?droem=${uuid('8000', 5)}`]) {
      await open(page, env.server, path);
      await page.locator('main h1').waitFor();
      if (path.endsWith(uuid('8000', 5))) await page.getByText('kan ikke udskrives som opslag').waitFor();
      else await page.locator('.qr__code path').first().waitFor();
      await assertAccessible(page, `${path} @ ${size}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at ${size}`);
    }
    assertClean(problems, size);
    await context.close();
  });
}
