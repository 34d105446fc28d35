// Benchmark (not a test): how much of a phone's first screen the page's own
// content gets. For each main page it prints the height of the site header
// (the app's own chrome above the page), the y of the page heading and the y
// of the first piece of main content (a door, a dream, an activity, a
// workshop, the export button), all in CSS pixels from the top of the page,
// and whether that first piece starts on the first screen.
//
// Sizes: phone 390×844, a small phone 320×568, and 200 % zoom of a
// 1280×720 laptop (640×360 CSS px at device scale factor 2). A golden file
// (one dream, one activity, one workshop) is imported first so that every
// page has something to show.
//
//   ./x build && node bench/phone-layout.mjs
//   SIZES=phone TEXT=2 node bench/phone-layout.mjs      (TEXT: 0 = A, 1 = A+, 2 = A++)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, launch, newPage, open, importFile } from '../e2e/lib/harness.mjs';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../tests/fixtures/v1-minimal.json'), 'utf8');
const ALL_SIZES = {
  phone: { viewport: { width: 390, height: 844 } },
  small: { viewport: { width: 320, height: 568 } },
  zoom200: { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
};
const SIZES = (process.env.SIZES || 'phone,small,zoom200').split(',');
const TEXT = Number(process.env.TEXT || 0);
const PAGES = [
  ['/', '.door'],
  ['/droemme', '.dream-card'],
  ['/aktiviteter', '.act-card'],
  ['/skal-kan', 'main .card'],
  ['/del', 'main button'],
];

const server = await startServer();
const browser = await launch();
try {
  for (const size of SIZES) {
    const opts = ALL_SIZES[size];
    const { context, page } = await newPage(browser, server, { viewport: opts.viewport, deviceScaleFactor: opts.deviceScaleFactor || 1 });
    await importFile(page, server, { name: 'golden.json', text: FIXTURE });
    await page.getByRole('button', { name: 'Flet ind' }).click();
    await page.getByText('Importen er gennemført.').waitFor();
    await page.evaluate((n) => {
      const s = JSON.parse(localStorage.getItem('tidoglyst.v1.settings') || '{}');
      s.text_size = n;
      localStorage.setItem('tidoglyst.v1.settings', JSON.stringify(s));
    }, TEXT);
    const { width, height } = opts.viewport;
    console.log(`\n${size} ${width}×${height} CSS px${opts.deviceScaleFactor ? ` (×${opts.deviceScaleFactor})` : ''}, text size ${['A', 'A+', 'A++'][TEXT]}`);
    console.log('page           header  h1 y   first y  on first screen  sideways');
    for (const [route, sel] of PAGES) {
      await open(page, server, route);
      await page.locator('h1').first().waitFor();
      await page.locator(sel).first().waitFor({ timeout: 10000 });
      const m = await page.evaluate((sel) => {
        const top = (el) => (el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : NaN);
        const header = document.querySelector('.site-header');
        return {
          header: header ? Math.round(header.getBoundingClientRect().height) : NaN,
          h1: top(document.querySelector('main h1')),
          first: top(document.querySelector(sel)),
          sideways: document.documentElement.scrollWidth - window.innerWidth,
        };
      }, sel);
      console.log(
        `${route.padEnd(14)} ${String(m.header).padStart(6)}  ${String(m.h1).padStart(5)}  ${String(m.first).padStart(7)}  ` +
        `${(m.first < height ? 'yes' : 'no').padEnd(15)}  ${m.sideways > 0 ? `${m.sideways} px` : 'none'}`,
      );
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
