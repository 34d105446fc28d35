// Benchmark (not a test): how fast the activity directory answers at 5,000,
// 20,000 and 50,000 activities. For each size it generates a catalogue,
// serves it as /catalogue.json beside the built app (dist/), loads the page
// in headless Chromium, types queries one letter at a time and prints the
// time from keystroke to updated list (median and p95), the load time and
// the time to read a CSV of the same size into the import preview.
//
//   ./x build && node bench/activities.mjs            (or: ./x bench)
//   SIZES=50000 node bench/activities.mjs
//
// "Keystroke to updated list" is measured inside the page: from the keydown
// event (or the beforeinput event of a letter typed without one, like ø) to
// the last DOM change it caused (or, when the list did not change, until
// every task it queued has run), and to the next frame after that.
// VERBOSE=1 prints every keystroke.
import { startServer, launch, newPage, open, openLists } from '../e2e/lib/harness.mjs';
import { syntheticCatalogue, catalogueCsv as toCsv } from '../tools/catalogue.mjs';
import { keystrokeTimes, pct } from './lib/keystrokes.mjs';

const SIZES = (process.env.SIZES || '5000,20000,50000').split(',').map(Number);
const fmt = (x) => `${x.toFixed(1)} ms`;

const browser = await launch();
console.log(`Activity directory benchmark (${new Date().toISOString()}), headless Chromium, no CPU throttling`);
console.log('size    | load     | keystroke→DOM median / p95 | keystroke→next frame median / p95 | CSV → preview | DOM nodes in <main>');
for (const n of SIZES) {
  const cat = syntheticCatalogue(n);
  const body = JSON.stringify(cat);
  const server = await startServer({ overrides: { '/catalogue.json': { body, type: 'application/json' } } });
  const { context, page, problems } = await newPage(browser, server, { size: 'phone' });
  const label = n.toLocaleString('da-DK');
  const t0 = Date.now();
  await open(page, server, '/aktiviteter');
  await page.getByRole('status').filter({ hasText: `${label} aktiviteter` }).waitFor({ timeout: 120000 });
  const load = Date.now() - t0;
  const nodes = await page.evaluate(() => document.querySelectorAll('main *').length);

  const { dom, frame } = await keystrokeTimes(page, (q, ch, r) => {
    if (process.env.VERBOSE) console.log(`          ${JSON.stringify(q)} +${JSON.stringify(ch)}: ${fmt(r.dom)} / ${fmt(r.frame)}`);
  });
  const nodesAfter = await page.evaluate(() => document.querySelectorAll('main *').length);

  // CSV of the same size into the import preview, on the lists page (a
  // bundle of its own; its load is not timed).
  await openLists(page);
  const csv = toCsv(cat);
  const c0 = Date.now();
  await page.getByLabel('Importér CSV').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.locator('.act-csv-preview, .act-csv .notice--error').first().waitFor({ timeout: 300000 });
  const csvMs = Date.now() - c0;
  const summary = await page.locator('.act-csv-preview .preview__summary').textContent().catch(() => '?');

  console.log(
    `${String(n).padEnd(7)} | ${String(load).padStart(5)} ms | ${fmt(pct(dom, 50))} / ${fmt(pct(dom, 95))}` +
      `            | ${fmt(pct(frame, 50))} / ${fmt(pct(frame, 95))}                   | ${String(csvMs).padStart(6)} ms     | ${nodes} → ${nodesAfter}`,
  );
  console.log(`          (${dom.length} keystrokes; catalogue ${(body.length / 1e6).toFixed(1)} MB; CSV preview: ${summary.trim()})`);
  if (problems.errors.length) console.log('          page errors:', problems.errors.slice(0, 3));
  await context.close();
  await server.close();
}
await browser.close();
