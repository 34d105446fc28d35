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
import { startServer, launch, newPage, open } from '../e2e/lib/harness.mjs';
import { syntheticCatalogue, catalogueCsv as toCsv } from '../tools/catalogue.mjs';

const SIZES = (process.env.SIZES || '5000,20000,50000').split(',').map(Number);
const QUERIES = ['demenscafe assens', 'moedested', 'it cafe tørring'];

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
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

  await page.evaluate(() => {
    const b = (window.__bench = { t0: 0, last: 0, idle: 0, frame: 0 });
    new MutationObserver(() => {
      b.last = performance.now();
      requestAnimationFrame(() => setTimeout(() => (b.frame = performance.now()), 0));
    }).observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
    // A keystroke starts at its keydown; Playwright types letters outside
    // the US layout (ø) as text input without a keydown, so then at its
    // beforeinput.
    const start = (ev) => {
      if (ev.type === 'beforeinput' && b.down) return void (b.down = false);
      b.down = ev.type === 'keydown';
      b.t0 = performance.now();
      b.last = 0;
      b.frame = 0;
      b.idle = 0;
      setTimeout(() => (b.idle = performance.now()), 0);
    };
    document.addEventListener('keydown', start, true);
    document.addEventListener('beforeinput', start, true);
  });
  const dom = [];
  const frame = [];
  const search = page.getByLabel('Søg i aktiviteter');
  for (const q of QUERIES) {
    await search.fill('');
    await page.waitForTimeout(200);
    await search.focus();
    for (const ch of q) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(120);
      const r = await page.evaluate(() => {
        const b = window.__bench;
        const end = Math.max(b.last, b.idle);
        return { dom: end - b.t0, frame: (b.frame || end) - b.t0 };
      });
      dom.push(r.dom);
      frame.push(r.frame);
      if (process.env.VERBOSE) console.log(`          ${JSON.stringify(q)} +${JSON.stringify(ch)}: ${fmt(r.dom)} / ${fmt(r.frame)}`);
    }
  }
  const nodesAfter = await page.evaluate(() => document.querySelectorAll('main *').length);

  // CSV of the same size into the import preview.
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
