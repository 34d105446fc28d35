// Benchmark (not a test): "twenty participants in under two minutes" (issue
// 31, item 7). Twenty phones answer a workshop's first card and show their
// answers as QR codes (several in turn when the link is long); the codes,
// painted on a video's frames as the journey does (e2e/lib/camera.mjs), each
// held HOLD seconds (1 unless set) with a blank frame between phones, feed
// Chromium's fake camera; the facilitator's "Skan svar" reads them with the
// QR reader wasm (the BarcodeDetector taken away). Prints, per phone, the
// time from its first code coming into view to its answers merged; the
// longest and the median; how long the twenty took from the first code to
// the last merge; the reader's time a frame (the main thread's longest
// tasks while scanning). Nothing fails on time.
//
//   ./x build && node bench/scan.mjs
//   PHONES=10 HOLD=2 node bench/scan.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VIEWPORTS, launch, startServer, newPage, open, visit, downloadText, importFile, createWorkshop } from '../e2e/lib/harness.mjs';
import { VIDEO, launchWithCamera, answerOnPhone, answerCodes, paintFrames, writeY4m, scanProbe } from '../e2e/lib/camera.mjs';

const PHONES = Number(process.env.PHONES || 20);
const HOLD = Number(process.env.HOLD || 1);
const TITLE = 'Tyve telefoner';
const POSITIONS = ['Klart SKAL', 'Mest SKAL', 'Gråzone', 'Mest KAN', 'Klart KAN'];

const server = await startServer();
const browser = await launch();
const dir = mkdtempSync(join(tmpdir(), 'bench-scan-'));
const t = Date.now();
const fac = await newPage(browser, server, { size: 'tablet' });
await open(fac.page, server, '/skal-kan');
await createWorkshop(fac.page, TITLE, '2026-11-24');
const sessionUrl = fac.page.url();
const sessionFile = await downloadText(fac.page, () => fac.page.getByRole('button', { name: 'Eksportér workshop til deltagerne' }).click());
const phones = [];
for (let i = 0; i < PHONES; i++) {
  const alias = `Deltager ${i + 1}`;
  const p = await answerOnPhone(browser, server, { sessionFile, title: TITLE, alias, position: POSITIONS[i % POSITIONS.length] });
  phones.push({ alias, codes: await answerCodes(p.page, dir, `p${i + 1}`) });
  await p.context.close();
}
console.log(`${PHONES} phones answered in ${((Date.now() - t) / 1000).toFixed(0)} s; codes a phone: ${phones.map((p) => p.codes.length).join(' ')}`);

const sequence = phones.flatMap((p) => [...p.codes.map((c) => ({ alias: p.alias, drawing: c.drawing })), null]);
const painter = await newPage(browser, server, { size: 'tablet' });
await painter.page.goto('about:blank');
const frames = await paintFrames(painter.page, sequence.map((s) => s && s.drawing));
await painter.context.close();
const hold = sequence.map((s) => (s ? Math.round(VIDEO.fps * HOLD) : 1));
const video = join(dir, 'codes.y4m');
writeY4m(video, frames, hold);
const period = (hold.reduce((a, b) => a + b, 0) / VIDEO.fps) * 1000;
const starts = {};
hold.reduce((at, n, i) => {
  if (sequence[i] && !(sequence[i].alias in starts)) starts[sequence[i].alias] = (at / VIDEO.fps) * 1000;
  return at + n;
}, 0);

const camera = await launchWithCamera(video);
const context = await camera.newContext({ viewport: VIEWPORTS.tablet, locale: 'da-DK', timezoneId: 'Europe/Copenhagen', permissions: ['camera'] });
await context.addInitScript(scanProbe({ noNative: true }));
const tab = await newPage(camera, server, { context });
await importFile(tab.page, server, { name: sessionFile.name, text: sessionFile.text });
await tab.page.getByRole('button', { name: 'Flet ind' }).click();
await tab.page.getByText('Importen er gennemført.').waitFor();
await visit(tab.page, sessionUrl);
await tab.page.getByRole('button', { name: 'Skan svar' }).click();
await tab.page.locator('.scan__panel[data-camera="looking"]').waitFor({ timeout: 30000 });
// Long tasks while scanning: how long the page is blocked by a read.
await tab.page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
});
const merged = tab.page.locator('.scan__log li.scan__line--merged');
const deadline = Date.now() + 2 * period + 60000;
while ((await merged.count()) < PHONES && Date.now() < deadline) await tab.page.waitForTimeout(500);
const probe = await tab.page.evaluate(() => ({ lines: window.__scan.lines, started: window.__scan.started, long: window.__long }));
await camera.close();
await browser.close();
await server.close();

const waits = probe.lines
  .filter((l) => l.kind === 'scan__line--merged')
  .map((l) => {
    const alias = l.text.match(/^Svar fra (.+?) er flettet ind/)[1];
    const since = l.at - probe.started - starts[alias];
    return { alias, since, ms: Math.round(((since % period) + period) % period) };
  });
const sorted = waits.map((w) => w.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`\nvideo: ${sequence.filter(Boolean).length} codes of ${PHONES} phones, ${HOLD} s each, ${(period / 1000).toFixed(1)} s a loop, ${VIDEO.width}×${VIDEO.height} at ${VIDEO.fps} fps`);
for (const w of waits) console.log(`  ${w.alias.padEnd(14)} code in view → merged ${String(w.ms).padStart(6)} ms`);
console.log(`merged: ${waits.length} of ${PHONES}; code in view → merged: median ${median} ms, longest ${sorted.at(-1)} ms`);
// The first loop's merges: from the first phone's code in view to the last merge.
const first = Math.min(...Object.values(starts));
const last = Math.max(...waits.map((w) => starts[w.alias] + w.ms));
console.log(`the ${PHONES} phones, first code in view → last merged: ${((last - first) / 1000).toFixed(1)} s (the codes alone take ${(period / 1000).toFixed(1)} s a loop)`);
console.log('(the camera is read every 200 ms and the video has 5 frames a second, so a read can fall at the same place in each frame: the figures are good to about ±200 ms)');
const long = probe.long.sort((a, b) => b - a);
console.log(`long tasks while scanning: ${long.length}, longest ${Math.round(long[0] || 0)} ms, median ${Math.round(long[Math.floor(long.length / 2)] || 0)} ms`);
