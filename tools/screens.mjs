// Screenshots of the app for the README and for looking at layouts: the four
// main pages at phone size (390×844) go to docs/screens/ as small PNGs (with
// the golden file's dream, activity and workshop imported, first screen
// only). With ALL=1 it also writes every page at 390×844, 320×568 and 200 %
// zoom (640×360 at scale 2), at A and A++, to OUT (default /tmp/screens) for
// a person to look at.
//
//   ./x build && node tools/screens.mjs            README screenshots
//   ALL=1 OUT=/tmp/screens node tools/screens.mjs  every page, every size
//
// The PNGs are reduced to 64 colours with `pngquant` when it is installed
// (Debian package `pngquant`), which makes them about a third as large.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, launch, newPage, open, importFile, ROUTES } from '../e2e/lib/harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = readFileSync(resolve(ROOT, 'tests/fixtures/v1-minimal.json'), 'utf8');
const README_PAGES = [['/', 'forside'], ['/droemme', 'droemme'], ['/aktiviteter', 'aktiviteter'], ['/skal-kan', 'skal-kan']];
const SIZES = {
  phone: { viewport: { width: 390, height: 844 } },
  small: { viewport: { width: 320, height: 568 } },
  zoom200: { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
};

function shrink(file) {
  try {
    execFileSync('pngquant', ['--force', '--skip-if-larger', '--strip', '--speed', '1', '--output', file, '64', file], { stdio: 'ignore' });
  } catch {
    // No pngquant (or nothing gained): keep the full-colour PNG.
  }
  return statSync(file).size;
}

async function session(browser, server, opts, textSize) {
  const p = await newPage(browser, server, { viewport: opts.viewport, deviceScaleFactor: opts.deviceScaleFactor || 1 });
  await importFile(p.page, server, { name: 'golden.json', text: FIXTURE });
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByText('Importen er gennemført.').waitFor();
  await p.page.evaluate((n) => {
    const s = JSON.parse(localStorage.getItem('tidoglyst.v1.settings') || '{}');
    s.text_size = n;
    localStorage.setItem('tidoglyst.v1.settings', JSON.stringify(s));
  }, textSize);
  return p;
}

async function shoot(page, server, route, file) {
  await open(page, server, route);
  await page.locator('main h1').first().waitFor();
  if (route === '/aktiviteter') await page.locator('.act-card').first().waitFor();
  if (route === '/droemme') await page.locator('.dream-card').first().waitFor();
  await page.screenshot({ path: file });
  return shrink(file);
}

const server = await startServer();
const browser = await launch();
try {
  if (process.env.ALL) {
    const out = process.env.OUT || '/tmp/screens';
    mkdirSync(out, { recursive: true });
    for (const [size, opts] of Object.entries(SIZES)) {
      for (const text of [0, 2]) {
        const { context, page } = await session(browser, server, opts, text);
        for (const route of ROUTES) {
          const file = join(out, `${size}-${['A', 'A+', 'A++'][text]}-${route.replace(/\W+/g, '') || 'forside'}.png`);
          await shoot(page, server, route, file);
          console.log(file);
        }
        await context.close();
      }
    }
  } else {
    const dir = resolve(ROOT, 'docs/screens');
    mkdirSync(dir, { recursive: true });
    const { context, page } = await session(browser, server, SIZES.phone, 0);
    for (const [route, name] of README_PAGES) {
      const file = join(dir, `phone-${name}.png`);
      console.log(`${file}: ${await shoot(page, server, route, file)} bytes`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
