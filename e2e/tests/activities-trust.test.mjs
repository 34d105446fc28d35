// Aktiviteter you can trust (issue 32), as an IT-café volunteer and the
// seniors they help use it, at phone and tablet size, with axe-core:
// - "Sidst bekræftet": a never confirmed entry carries a badge; "Stadig
//   aktuel" takes it away and the filter "Bekræftet inden for et år" then
//   finds it; the CSV carries the date in its last column, back in a fresh
//   profile; an older confirmation read later does not undo a newer one; a
//   date eight months old shows "Ikke bekræftet siden …".
// - "Meld en fejl": the mail and SMS links, decoded, say what was ticked and
//   written, to the entry's own contact, also offline; an entry without one
//   says so.
// - The A5 booklet: printed to PDF by Chromium, A4 landscape sheets, each
//   A5 page where a folded booklet needs it, every activity's title on a
//   page; every QR code decoded by zbarimg from the rendered PDF pages; a
//   catalogue activity's code is its page, an own activity's code a share
//   link that brings it to a phone that never had it; A++ gives one a page.
// - Open Referral HSDS: the zip of the shown activities validates row by
//   row against the HSDS 3.0 JSON Schemas (vendored in core/tests/data/hsds,
//   ajv) and reads back in a fresh profile, also as a deflated zip and as
//   loose CSV files, to the same activities; a package without services.csv
//   is refused with a message.
// - "Læs op": hidden where the browser has no Danish voice; with a stubbed
//   speech synthesis whose voices arrive late, it appears and reads the
//   activity in Danish (lang da-DK, the Danish voice), and stops again; a
//   dream's page reads the dream, never its private note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { useBrowser, newPage, open, assertClean, assertAccessible, downloadText, openLists, backToSearch, postBoardDream } from '../lib/harness.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CATALOGUE = JSON.parse(readFileSync(resolve(ROOT, 'public/catalogue.json'), 'utf8')).activities;
const TOTAL = CATALOGUE.length;
const HSDS = resolve(ROOT, 'core/tests/data/hsds');

const env = useBrowser();

const p2 = (n) => String(n).padStart(2, '0');
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
/** Today in Copenhagen as the app writes it: "7. december 2026" and "07-12-2026". */
function copenhagen(days = 0) {
  const d = new Date(Date.now() + days * 86400000);
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(d).split('-').map(Number);
  return { long: `${day}. ${MONTHS[m - 1]} ${y}`, csv: `${p2(day)}-${p2(m)}-${y}`, iso: `${y}-${p2(m)}-${p2(day)}` };
}

const status = (page) => page.getByRole('status').filter({ hasText: /aktivitet/ });

async function countIs(page, n) {
  const text = n === 1 ? '1 aktivitet' : `${n.toLocaleString('da-DK')} aktiviteter`;
  await status(page).filter({ hasText: new RegExp(`^${text.replace('.', '\\.')}$`) }).waitFor();
}

async function openFilters(page) {
  const button = page.getByRole('button', { name: /^Filtre( \(\d+\))?$/ });
  if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
}

/** Imports a CSV text on the lists page (open) and waits for its message. */
async function importCsv(page, text, done) {
  await page.getByLabel('Importér CSV').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Importér de gode rækker' }).click();
  await page.getByText(done).first().waitFor();
}

for (const size of ['phone', 'tablet']) {
  test(`"Stadig aktuel" takes the badge away, the filter finds it, and the CSV carries the date (${size})`, async () => {
    const today = copenhagen();
    const { context, page, problems } = await newPage(env.browser, env.server, { size });
    await open(page, env.server, '/aktiviteter');
    await countIs(page, TOTAL);
    // The catalogue's entries were never confirmed: each card says so.
    await page.locator('.act-card .tag--stale', { hasText: 'Aldrig bekræftet' }).first().waitFor();
    await openFilters(page);
    await page.getByLabel('Bekræftet inden for et år').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('bekraeftet') === '1');
    await countIs(page, 0);
    await page.getByText('Ingen aktiviteter passer.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Filtre (1)' }).waitFor();
    await assertAccessible(page, `filter @ ${size}`);
    await page.getByLabel('Bekræftet inden for et år').uncheck();
    await countIs(page, TOTAL);

    await page.getByLabel('Søg i aktiviteter').fill('IT-café i Tørring');
    await countIs(page, 1);
    await page.locator('.act-card__title a').first().click();
    await page.getByRole('heading', { level: 1, name: 'IT-café i Tørring' }).waitFor();
    await page.locator('.act-badge', { hasText: 'Aldrig bekræftet' }).waitFor();
    await page.getByText('Aldrig bekræftet.').waitFor();
    await assertAccessible(page, `detail, never confirmed @ ${size}`);
    await noSidewaysScroll(page, `detail @ ${size}`);
    await page.getByRole('button', { name: 'Stadig aktuel' }).click();
    await page.getByText(`Tak! Aktiviteten er bekræftet ${today.long}.`).waitFor();
    await page.getByText(`Sidst bekræftet ${today.long}.`).waitFor();
    assert.equal(await page.locator('.act-badge').count(), 0, 'the badge is gone');
    await page.locator('.activity-facts dd', { hasText: today.csv }).waitFor();
    // Twice the same day changes nothing and says so.
    await page.getByRole('button', { name: 'Stadig aktuel' }).click();
    await page.getByText('Aktiviteten er allerede bekræftet i dag.').waitFor();

    // The filter finds it, and only it; the view survives a reload.
    await open(page, env.server, '/aktiviteter?bekraeftet=1');
    await countIs(page, 1);
    assert.deepEqual(await page.locator('.act-card__title').allTextContents(), ['IT-café i Tørring']);
    assert.equal(await page.locator('.act-card .tag--stale').count(), 0);
    await page.reload();
    await countIs(page, 1);

    // Its CSV row carries the date in the last column.
    await openLists(page);
    const csv = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér CSV' }).click());
    const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    assert.ok(header.endsWith(';Eksempeldata;Sidst bekræftet'), header);
    assert.ok(row.endsWith(`;${today.csv}`), row);
    assertClean(problems, `confirm @ ${size}`);
    await context.close();

    // A fresh profile reads the column back.
    const fresh = await newPage(env.browser, env.server, { size });
    await open(fresh.page, env.server, '/aktiviteter/lister');
    await importCsv(fresh.page, csv.text, '1 aktivitet er importeret.');
    await backToSearch(fresh.page);
    await fresh.page.goto(env.server.url('/aktiviteter?bekraeftet=1'));
    await countIs(fresh.page, 1);
    // An older confirmation read later (a copy from before) keeps the newer date,
    // though its other fields are newer: the join keeps the later confirmation.
    const older = csv.text.replace(`;${today.csv}`, ';01-02-2025').replace('IT-café i Tørring', 'IT-café i Tørring (ny tid)');
    await open(fresh.page, env.server, '/aktiviteter/lister');
    await importCsv(fresh.page, older, '1 aktivitet er importeret.');
    await fresh.page.goto(env.server.url('/aktiviteter?bekraeftet=1'));
    await countIs(fresh.page, 1);
    assert.deepEqual(await fresh.page.locator('.act-card__title').allTextContents(), ['IT-café i Tørring (ny tid)']);
    // A list confirmed eight months ago: stale.
    const stale = copenhagen(-245);
    await open(fresh.page, env.server, '/aktiviteter/lister');
    await importCsv(fresh.page, `Titel;Kommune;Ugedage;Fra kl.;Til kl.;Sidst bekræftet\r\nGammel strikkeklub;Hedensted;onsdag;10.00;12.00;${stale.csv}\r\n`, '1 aktivitet er importeret.');
    await fresh.page.goto(env.server.url('/aktiviteter?q=gammel%20strikkeklub'));
    await countIs(fresh.page, 1);
    await fresh.page.locator('.act-card .tag--stale', { hasText: `Ikke bekræftet siden ${stale.long}` }).waitFor();
    await fresh.page.locator('.act-card__title a').first().click();
    await fresh.page.locator('.act-badge', { hasText: `Ikke bekræftet siden ${stale.long}` }).waitFor();
    await assertAccessible(fresh.page, `stale detail @ ${size}`);
    assertClean(fresh.problems, `fresh @ ${size}`);
    await fresh.context.close();
  });

  test(`"Meld en fejl" writes a mail and an SMS to the entry's contact, offline too (${size})`, async () => {
    const a = CATALOGUE.find((x) => x.title === 'IT-café i Juelsminde');
    const { context, page, problems } = await newPage(env.browser, env.server, { size });
    await open(page, env.server, `/aktiviteter/${a.id}`);
    await page.getByRole('heading', { level: 1, name: a.title }).waitFor();
    await page.locator('summary', { hasText: 'Meld en fejl' }).click();
    await page.getByText('Sæt kryds ved det, der er forkert, eller skriv, hvad der er galt.').waitFor();
    assert.equal(await page.locator('.act-report__send a').count(), 0, 'no link before anything is said');
    await context.setOffline(true);
    await page.getByLabel('Tidspunktet').check();
    await page.getByLabel('Den er aflyst eller holdt op').check();
    await page.getByLabel('Skriv mere (frivilligt)').fill('Der står at den er lukket & flyttet.\nRing gerne.');
    const mail = page.getByRole('link', { name: `Send som e-mail til ${a.contact.email}` });
    const sms = page.getByRole('link', { name: `Send som sms til ${a.contact.phone}` });
    await mail.waitFor();
    await assertAccessible(page, `report @ ${size}`);
    await noSidewaysScroll(page, `report @ ${size}`);
    const pageUrl = env.server.url(`/aktiviteter/${a.id}`);

    const m = new URL(await mail.getAttribute('href'));
    assert.equal(m.protocol, 'mailto:');
    assert.equal(decodeURIComponent(m.pathname), a.contact.email);
    assert.ok(!m.search.includes('+'), 'spaces as %20, never +');
    assert.equal(m.searchParams.get('subject'), `Fejl i aktiviteten «${a.title}»`);
    const body = m.searchParams.get('body');
    const schedule = (await page.locator('.activity-facts dd').first().textContent()).trim();
    assert.equal(body, [
      `Hej ${a.contact.name}`, '',
      `Jeg har set aktiviteten «${a.title}» i Tid og Lyst, og noget ser ud til at være forkert:`,
      `- Tidspunktet (der står: ${schedule})`,
      '- Den er aflyst eller holdt op', '',
      'Der står at den er lukket & flyttet.', 'Ring gerne.', '',
      `Aktivitetens side: ${pageUrl}`, '', 'Venlig hilsen',
    ].join('\r\n'));

    const s = await sms.getAttribute('href');
    assert.ok(s.startsWith(`sms:${a.contact.phone.replace(/\s/g, '')}?body=`), s);
    assert.equal(decodeURIComponent(s.split('?body=')[1]),
      `Fejl i «${a.title}» (Tid og Lyst): tidspunktet, aflyst. Der står at den er lukket & flyttet.\nRing gerne. ${pageUrl}`);
    // Unticking all and emptying the note takes the links away again.
    await page.getByLabel('Tidspunktet').uncheck();
    await page.getByLabel('Den er aflyst eller holdt op').uncheck();
    await page.getByLabel('Skriv mere (frivilligt)').fill('');
    await page.getByText('Sæt kryds ved det, der er forkert').waitFor();
    assert.equal(await page.locator('.act-report__send a').count(), 0);
    await context.setOffline(false);

    // An entry without e-mail or phone says where else to turn.
    await open(page, env.server, '/aktiviteter/lister');
    await importCsv(page, 'Titel;Kommune;Ugedage;Fra kl.;Til kl.;Hjemmeside\r\nUden kontakt;Assens;mandag;10.00;12.00;https://example.dk\r\n', '1 aktivitet er importeret.');
    await open(page, env.server, '/aktiviteter?q=uden%20kontakt');
    await page.locator('.act-card__title a').first().click();
    await page.locator('summary', { hasText: 'Meld en fejl' }).click();
    await page.getByText('Aktiviteten har hverken en e-mailadresse eller et telefonnummer').waitFor();
    assert.equal(await page.getByLabel('Tidspunktet').count(), 0);
    assertClean(problems, `report @ ${size}`);
    await context.close();
  });
}

/** Runs a command and returns its standard output. */
const run = (cmd, args) => execFileSync(cmd, args, { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');

/**
 * The PDF's pages: size in points, the text of each half (the A5 pages
 * side by side) and the QR codes on the page rendered at 200 dpi.
 */
function readPdf(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'haefte-'));
  const file = join(dir, 'haefte.pdf');
  writeFileSync(file, pdf);
  const info = run('pdfinfo', [file]);
  const count = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const [w, h] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+)/m).slice(1).map(Number);
  run('pdftoppm', ['-r', '200', '-png', file, join(dir, 'side')]);
  const pngs = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  assert.equal(pngs.length, count);
  const pages = [];
  for (let i = 1; i <= count; i++) {
    const half = (x) => run('pdftotext', ['-f', String(i), '-l', String(i), '-x', String(Math.round(x)), '-y', '0',
      '-W', String(Math.round(w / 2)), '-H', String(Math.round(h)), '-layout', file, '-']);
    let codes = [];
    try {
      codes = run('zbarimg', ['--quiet', '--raw', join(dir, pngs[i - 1])]).split('\n').map((s) => s.trim()).filter(Boolean);
    } catch (e) {
      if (e.status !== 4) throw e; // 4: no code on the page
    }
    pages.push({ left: half(0), right: half(w / 2), codes });
  }
  return { count, width: w, height: h, pages };
}

/** The A5 page number a half says ("Side 3 af 8"), the cover 1 and the back cover `total`. */
function numberOf(text, total) {
  const m = text.match(/Side (\d+) af (\d+)/);
  if (m) {
    assert.equal(Number(m[2]), total);
    return Number(m[1]);
  }
  if (text.includes('Udskrevet')) return 1;
  if (text.includes('Fundet i Tid og Lyst')) return total;
  throw new Error(`a half without a page number: ${text.slice(0, 200)}`);
}

for (const size of ['tablet', 'phone']) {
  test(`the A5 booklet prints as a folded booklet with a QR code for each activity that opens it on a phone (${size})`, async () => {
    const { context, page, problems } = await newPage(env.browser, env.server, { size });
    // An own activity among the catalogue's: its code must carry its data.
    await open(page, env.server, '/aktiviteter/lister');
    const own = 'Hæftets egen strikkecafé';
    await importCsv(page, `Titel;Kommune;Ugedage;Fra kl.;Til kl.;Telefon\r\n${own};Hedensted;torsdag;14.00;16.00;75 00 00 00\r\n`, '1 aktivitet er importeret.');
    const hedensted = CATALOGUE.filter((a) => a.municipality === 'Hedensted');
    const n = hedensted.length + 1;
    await open(page, env.server, '/aktiviteter?kommune=Hedensted');
    await countIs(page, n);
    await openLists(page);
    await page.getByRole('link', { name: 'Lav et hæfte (A5)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hæfte til at tage med hjem' }).waitFor();
    await countIs(page, n);
    // Three activities a page: cover, three pages, notes to eight, back cover.
    const total = 8;
    await page.waitForFunction((t) => document.querySelectorAll('.booklet-preview > li').length === t, total);
    await page.waitForFunction(() => document.querySelector('.booklet-making')?.textContent === '', null, { timeout: 30000 });
    assert.equal(await page.locator('.booklet-preview svg.booklet-qr').count(), n);
    await assertAccessible(page, `booklet @ ${size}`);
    await noSidewaysScroll(page, `booklet @ ${size}`);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Udskriv hæftet' }).isVisible(), false);
    assert.equal(await page.locator('.booklet-preview').isVisible(), false);
    const pdf = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    assert.equal(pdf.count, total / 2, 'two A5 pages to each side of a sheet');
    assert.ok(Math.abs(pdf.width - 842) < 2 && Math.abs(pdf.height - 595) < 2, `A4 landscape: ${pdf.width} x ${pdf.height}`);
    // Folded: sheet i's front holds pages total-2i and 2i+1, its back 2i+2 and total-2i-1.
    pdf.pages.forEach((p, k) => {
      const i = Math.floor(k / 2);
      const want = k % 2 === 0 ? [total - 2 * i, 2 * i + 1] : [2 * i + 2, total - 2 * i - 1];
      assert.deepEqual([numberOf(p.left, total), numberOf(p.right, total)], want, `side ${k + 1}`);
    });
    const all = pdf.pages.map((p) => p.left + p.right).join('\n').replace(/\s+/g, ' ');
    for (const a of [...hedensted.map((x) => x.title), own]) assert.ok(all.includes(a), `${a} is printed`);
    assert.ok(all.includes('Aldrig bekræftet'), 'the badge is printed too');

    // Every code decodes: the catalogue's to their pages, the own one to a share link.
    const codes = pdf.pages.flatMap((p) => p.codes);
    assert.equal(codes.length, n, `${codes.length} codes: ${codes}`);
    const pagesOf = codes.filter((c) => c.startsWith(env.server.url('/aktiviteter/'))).map((c) => c.split('/').pop()).sort();
    assert.deepEqual(pagesOf, hedensted.map((a) => a.id).sort());
    const links = codes.filter((c) => c.startsWith(env.server.url('/del#data=')));
    assert.equal(links.length, 1, `${codes}`);
    assertClean(problems, `booklet @ ${size}`);

    // A++: one activity a page, larger type.
    const view = page.getByRole('button', { name: 'Visning', exact: true });
    if (await view.isVisible()) await view.click();
    await page.getByRole('button', { name: 'A++ meget stor tekst' }).click();
    const big = 12;
    await page.waitForFunction((t) => document.querySelectorAll('.booklet-preview > li').length === t, big);
    assert.equal(await page.locator('.booklet-preview .a5').first().locator('.a5__inner').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)) > 0, true);
    await page.emulateMedia({ media: 'print' });
    const large = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    assert.equal(large.count, big / 2);
    assert.equal(large.pages.flatMap((p) => p.codes).length, n);
    // Single pages in order: the cover and page 2 on the first side.
    await page.getByLabel(/^Enkeltsider i rækkefølge/).check();
    await page.emulateMedia({ media: 'print' });
    const single = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    assert.equal(single.count, (1 + n + 1) / 2);
    assert.deepEqual([numberOf(single.pages[0].left, n + 2), numberOf(single.pages[0].right, n + 2)], [1, 2]);
    await context.close();

    // The own activity's code brings it to a phone that never had it.
    const phone = await newPage(env.browser, env.server, { size: 'phone' });
    await phone.page.goto(links[0]);
    await phone.page.locator('.preview').waitFor();
    await phone.page.getByRole('button', { name: 'Flet ind' }).click();
    await phone.page.getByText('Importen er gennemført.').waitFor();
    await open(phone.page, env.server, '/aktiviteter?kommune=Hedensted');
    // The list with the catalogue read (it is drawn again once the catalogue is in).
    await countIs(phone.page, n);
    await phone.page.getByRole('link', { name: own }).click();
    await phone.page.getByRole('heading', { level: 1, name: own }).waitFor();
    assertClean(phone.problems, 'phone');
    await phone.context.close();
  });
}

/** The files of a zip, by Python's zipfile (an independent reader). */
function unzip(path) {
  const out = run('python3', ['-c', [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'print(json.dumps({i.filename: [i.compress_type, z.read(i).decode("utf-8")] for i in z.infolist()}))',
  ].join('\n'), path]);
  return JSON.parse(out);
}

/** A zip of `files` ({name: text}) written by Python's zipfile, deflated. */
function deflatedZip(files) {
  const dir = mkdtempSync(join(tmpdir(), 'hsds-'));
  const json = join(dir, 'files.json');
  const zip = join(dir, 'andet-system.zip');
  writeFileSync(json, JSON.stringify(files));
  run('python3', ['-c', [
    'import json, sys, zipfile',
    'files = json.load(open(sys.argv[1]))',
    'with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:',
    '    [z.writestr("eksport/" + n, t) for n, t in files.items()]',
  ].join('\n'), json, zip]);
  return readFileSync(zip);
}

/** Rows of an RFC 4180 CSV text as objects (header → cell). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r') { /* CRLF */ } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

/** ajv with every HSDS 3.0 schema, each under its file name. */
function hsdsAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of readdirSync(join(HSDS, 'schema'))) {
    ajv.addSchema({ ...JSON.parse(readFileSync(join(HSDS, 'schema', f), 'utf8')), $id: f });
  }
  return ajv;
}

for (const size of ['tablet', 'phone']) {
  test(`Open Referral HSDS: the export validates against the HSDS 3.0 schemas and reads back, zipped or not (${size})`, async () => {
    const { context, page, problems } = await newPage(env.browser, env.server, { size });
    await open(page, env.server, '/aktiviteter?kommune=Assens');
    const shown = CATALOGUE.filter((a) => a.municipality === 'Assens');
    await countIs(page, shown.length);
    await openLists(page);
    await page.getByRole('heading', { level: 2, name: 'Open Referral (HSDS)' }).waitFor();
    await assertAccessible(page, `lists with HSDS @ ${size}`);
    const zip = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér HSDS (zip)' }).click());
    assert.match(zip.name, /^aktiviteter-hsds-\d{4}-\d\d-\d\d\.zip$/);
    await page.getByText(`${shown.length} aktiviteter er gemt som ${zip.name}.`).waitFor();
    const files = unzip(zip.path);
    // The download goes with its profile: keep the bytes.
    const zipBytes = readFileSync(zip.path);
    const names = Object.keys(files);
    assert.equal(names[0], 'datapackage.json');
    const descriptor = JSON.parse(files['datapackage.json'][1]);
    assert.equal(descriptor.profile, 'tabular-data-package');
    const official = JSON.parse(readFileSync(join(HSDS, 'datapackage.json'), 'utf8'));
    for (const need of ['organizations.csv', 'services.csv', 'locations.csv', 'schedules.csv', 'service_at_location.csv']) {
      assert.ok(names.includes(need), `${need} in ${names}`);
    }

    // Every row of every table against its HSDS JSON Schema, cells typed as the schema says.
    const ajv = hsdsAjv();
    let checked = 0;
    for (const r of descriptor.resources) {
      assert.ok(official.resources.some((o) => o.name === r.name && o.path === r.path), `${r.name} is an HSDS table`);
      const { header, rows } = csvRows(files[r.path][1]);
      assert.deepEqual(header, r.schema.fields.map((f) => f.name), `${r.path}: the descriptor's columns`);
      const schema = JSON.parse(readFileSync(join(HSDS, 'schema', `${r.name}.json`), 'utf8'));
      for (const h of header) assert.ok(h in schema.properties, `${r.path}: ${h} is an HSDS property`);
      const validate = ajv.getSchema(`${r.name}.json`);
      for (const row of rows) {
        const obj = {};
        for (const [k, v] of Object.entries(row)) {
          if (v === '') continue;
          obj[k] = schema.properties[k].type === 'number' ? Number(v) : v;
        }
        assert.ok(validate(obj), `${r.path} ${JSON.stringify(obj)}: ${JSON.stringify(validate.errors)}`);
        checked++;
      }
    }
    const services = csvRows(files['services.csv'][1]).rows;
    assert.equal(services.length, shown.length);
    assert.deepEqual(services.map((s) => s.id).sort(), shown.map((a) => a.id).sort());
    const weekly = csvRows(files['schedules.csv'][1]).rows.filter((s) => s.freq === 'WEEKLY' && s.count === '');
    assert.ok(weekly.length > 0 && weekly.every((s) => /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/.test(s.byday) && /^\d\d:\d\d$/.test(s.opens_at)));
    assert.ok(checked > shown.length * 4, `${checked} rows validated`);
    assertClean(problems, `export @ ${size}`);
    await context.close();

    // A fresh profile reads the package back: the same activities.
    const fresh = await newPage(env.browser, env.server, { size });
    await open(fresh.page, env.server, '/aktiviteter/lister');
    const input = fresh.page.getByLabel('Importér HSDS (zip eller CSV-filer)');
    // Without services.csv: refused, nothing changes.
    await input.setInputFiles({ name: 'halv.zip', mimeType: 'application/zip', buffer: deflatedZip({ 'organizations.csv': files['organizations.csv'][1] }) });
    await fresh.page.getByText('Pakken har ingen services.csv.', { exact: false }).waitFor();
    await input.setInputFiles({ name: zip.name, mimeType: 'application/zip', buffer: zipBytes });
    await fresh.page.getByText(`${shown.length} aktiviteter kan importeres. 0 tilbud kan ikke bruges og springes over.`).waitFor();
    await assertAccessible(fresh.page, `HSDS preview @ ${size}`);
    await fresh.page.getByRole('button', { name: 'Importér de gode rækker' }).click();
    await fresh.page.getByText(`${shown.length} aktiviteter er importeret fra HSDS.`).first().waitFor();
    await open(fresh.page, env.server, '/del');
    const out = await downloadText(fresh.page, () => fresh.page.getByRole('button', { name: 'Eksportér data' }).click());
    const back = JSON.parse(out.text).activities;
    assert.equal(back.length, shown.length);
    const strip = ({ rev, ...rest }) => rest; // eslint-disable-line no-unused-vars
    for (const a of shown) {
      const b = back.find((x) => x.id === a.id);
      assert.deepEqual(strip(b), strip(a), a.title);
    }
    // The same package from another program: deflated, in a folder; and as loose files.
    await open(fresh.page, env.server, '/aktiviteter/lister');
    const plain = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v[1]]));
    await fresh.page.getByLabel('Importér HSDS (zip eller CSV-filer)').setInputFiles({ name: 'andet-system.zip', mimeType: 'application/zip', buffer: deflatedZip(plain) });
    await fresh.page.getByText(`${shown.length} aktiviteter kan importeres.`, { exact: false }).waitFor();
    await fresh.page.getByRole('button', { name: 'Annullér' }).click();
    await fresh.page.getByLabel('Importér HSDS (zip eller CSV-filer)').setInputFiles(
      Object.entries(plain).map(([name, text]) => ({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(text, 'utf8') })),
    );
    await fresh.page.getByText(`${shown.length} aktiviteter kan importeres.`, { exact: false }).waitFor();
    assertClean(fresh.problems, `import @ ${size}`);
    await fresh.context.close();
  });
}

/** A speech synthesis with an English and a Danish voice that arrive late, recording what it is asked to say. */
const FAKE_SPEECH = `(() => {
  const voices = [
    { name: 'Fake English', lang: 'en-US', localService: true, default: true, voiceURI: 'en' },
    { name: 'Fake dansk', lang: 'da-DK', localService: true, default: false, voiceURI: 'da' },
  ];
  let ready = false;
  window.__spoken = [];
  window.__cancelled = 0;
  class FakeSynthesis extends EventTarget {
    get speaking() { return false; }
    getVoices() { return ready ? voices : []; }
    speak(u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null }); }
    cancel() { window.__cancelled++; }
    pause() {}
    resume() {}
  }
  class FakeUtterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
  }
  const synth = new FakeSynthesis();
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  setTimeout(() => { ready = true; synth.dispatchEvent(new Event('voiceschanged')); }, 400);
})();`;

test('"Læs op" is hidden where the browser has no Danish voice', async () => {
  const a = CATALOGUE.find((x) => x.title === 'IT-café i Hedensted');
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  await open(page, env.server, `/aktiviteter/${a.id}`);
  await page.getByRole('button', { name: 'Stadig aktuel' }).waitFor();
  await page.waitForTimeout(500);
  const danish = await page.evaluate(() => ('speechSynthesis' in window ? speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('da')).length : 0));
  assert.equal(await page.getByRole('button', { name: 'Læs op' }).count(), danish > 0 ? 1 : 0, `${danish} Danish voices`);
  // A device with voices, none of them Danish: hidden too.
  await context.addInitScript(FAKE_SPEECH.replace("lang: 'da-DK'", "lang: 'sv-SE'"));
  await page.reload();
  await page.getByRole('button', { name: 'Stadig aktuel' }).waitFor();
  await page.waitForTimeout(800);
  assert.equal(await page.getByRole('button', { name: 'Læs op' }).count(), 0);
  assertClean(problems, 'no voice');
  await context.close();
});

for (const size of ['phone', 'tablet']) {
  test(`"Læs op" reads the activity in a Danish voice once the voices arrive (${size})`, async () => {
    const a = CATALOGUE.find((x) => x.title === 'IT-café i Hedensted');
    const context = await env.browser.newContext({ viewport: size === 'phone' ? { width: 390, height: 844 } : { width: 820, height: 1180 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    await context.addInitScript(FAKE_SPEECH);
    const { page, problems } = await newPage(env.browser, env.server, { context });
    await open(page, env.server, `/aktiviteter/${a.id}`);
    const read = page.getByRole('button', { name: 'Læs op' });
    await read.waitFor();
    await assertAccessible(page, `read aloud @ ${size}`);
    await read.click();
    await page.getByRole('button', { name: 'Stop oplæsning' }).waitFor();
    const spoken = await page.evaluate(() => window.__spoken);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].lang, 'da-DK');
    assert.equal(spoken[0].voice, 'Fake dansk');
    assert.ok(spoken[0].text.startsWith(`${a.title}. IT-hjælp. Arrangør: ${a.organizer}.`), spoken[0].text);
    assert.match(spoken[0].text, /klokken \d+/);
    assert.ok(!spoken[0].text.includes('kl. '), 'times as they are said');
    assert.ok(spoken[0].text.includes('Hedensted Kommune'));
    await page.getByRole('button', { name: 'Stop oplæsning' }).click();
    await read.waitFor();
    assert.ok((await page.evaluate(() => window.__cancelled)) >= 2, 'stopped');
    assertClean(problems, `read aloud @ ${size}`);
    await context.close();
  });
}

test('"Læs op" on a dream reads what its poster says, never the private note (phone)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  await context.addInitScript(FAKE_SPEECH);
  const { page, problems } = await newPage(env.browser, env.server, { context });
  await postBoardDream(page, env.server, { title: 'Se Vesterhavet igen', runners: 2, note: 'Nøglen ligger under måtten' });
  const read = page.getByRole('button', { name: 'Læs op' });
  await read.waitFor();
  await assertAccessible(page, 'read a dream aloud @ phone');
  await read.click();
  await page.getByRole('button', { name: 'Stop oplæsning' }).waitFor();
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'da-DK');
  const text = spoken[0].text;
  assert.ok(text.startsWith('Se Vesterhavet igen. Karen vil gerne mærke sandet under fødderne igen. Vi mangler 2 drømmeløbere.'), text);
  assert.match(text, /Hvor: Vesterhavet, Assens\./);
  assert.match(text, /Varighed: 4 timer\./);
  assert.match(text, /Koordinator: Lone, lone@example\.dk\./);
  assert.ok(!text.includes('Nøglen'), 'the private note is never read');
  assert.ok(!text.includes(' – '), 'a dash is said as "til"');
  await page.getByRole('button', { name: 'Stop oplæsning' }).click();
  await read.waitFor();
  assertClean(problems, 'read a dream aloud');
  await context.close();
});
