// "Skan svar" (issue 31, item 7): four participants on phones answer a
// workshop and show their answers as QR codes (several in turn when the
// link is long); each code on screen decodes with zbarimg to the link the
// page shows. The codes, painted on the frames of a video as a camera sees
// a phone held up (each frame checked with zbarimg too), feed Chromium's
// fake camera; on the facilitator's tablet "Skan svar" reads them with the
// QR reader wasm (the browser's BarcodeDetector taken away, as Debian's
// Chromium and Firefox have none), merges each participant's answers once
// with a line and a beep, passes over a code seen again as the video loops,
// and refuses a code that is not answers. The camera is off once the
// scanner is closed or left. Without a camera, a pasted link goes the same
// way. axe at tablet size. Prints how long each participant took from code
// to merge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useBrowser, newPage, open, visit, assertClean, assertAccessible, downloadText, importFile, createWorkshop, VIEWPORTS,
} from '../lib/harness.mjs';
import { VIDEO, launchWithCamera, answerOnPhone, answerCodes, paintFrames, zbarFrame, writeY4m, scanProbe } from '../lib/camera.mjs';

const env = useBrowser();
const ALIASES = ['Anna', 'Bo', 'Carl', 'Dorte'];
const POSITIONS = ['Klart KAN', 'Mest KAN', 'Klart SKAL', 'Gråzone'];

test('four phones\' answers read by the facilitator\'s camera: merged once each, with a line and a beep; a stranger code refused; camera off when closed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-answers-'));
  // ---- The facilitator makes the workshop and its file for the phones.
  const fac = await newPage(env.browser, env.server, { size: 'tablet' });
  await open(fac.page, env.server, '/skal-kan');
  await createWorkshop(fac.page, 'Scanning i Vejle', '2026-11-24');
  const sessionUrl = fac.page.url();
  const sessionFile = await downloadText(fac.page, () => fac.page.getByRole('button', { name: 'Eksportér workshop til deltagerne' }).click());

  // ---- Four phones answer and show their answers' codes.
  const shown = [];
  for (const [i, alias] of ALIASES.entries()) {
    const p = await answerOnPhone(env.browser, env.server, { sessionFile, title: 'Scanning i Vejle', alias, position: POSITIONS[i] });
    const codes = await answerCodes(p.page, dir, alias);
    for (const c of codes) {
      assert.match(c.text, /\/skal-kan#(data|del)=/, `${alias}: an answers link`);
      assert.equal(c.zbar, c.text, `${alias}: zbarimg reads the code on screen as its link`);
    }
    let whole = null;
    if (alias === 'Anna') {
      // The same answers as one link, for the facilitator without a camera.
      await p.page.getByRole('button', { name: 'Del som link' }).click();
      whole = await p.page.locator('.share-link__url').inputValue();
      assert.match(whole, /\/skal-kan#data=/);
    }
    shown.push({ alias, codes, whole });
    assertClean(p.problems, alias);
    await p.context.close();
  }
  const parts = shown.map((s) => s.codes.length);
  console.log(`scan: the answers' codes per phone: ${parts.join(', ')} (links of ${shown.flatMap((s) => s.codes.map((c) => c.text.length)).join(', ')} characters)`);

  // ---- No camera here (headless, no device): a Danish message, and a pasted link goes in.
  await fac.page.getByRole('button', { name: 'Skan svar' }).click();
  await fac.page.locator('.scan__failed').getByText(/Sæt deltagernes links ind herunder|sæt deltagernes links ind herunder/).waitFor();
  await fac.page.getByLabel('Eller sæt et svar-link ind').fill('https://example.org/kaffe');
  await fac.page.getByRole('button', { name: 'Læs linket' }).click();
  await fac.page.locator('.scan__latest').getByText('Koden er ikke et link med svar fra Tid og Lyst. Intet er ændret.').waitFor();
  await fac.page.getByText('6 kort · 0 deltagere · 0 svar').waitFor();
  await fac.page.getByLabel('Eller sæt et svar-link ind').fill(shown[0].whole);
  await fac.page.getByRole('button', { name: 'Læs linket' }).click();
  await fac.page.locator('.scan__latest').getByText('Svar fra Anna er flettet ind – 1 i alt.').waitFor();
  await fac.page.getByText('6 kort · 1 deltager · 1 svar').waitFor();
  // The same link again counts nothing twice.
  await fac.page.getByLabel('Eller sæt et svar-link ind').fill(shown[0].whole);
  await fac.page.getByRole('button', { name: 'Læs linket' }).click();
  await fac.page.locator('.scan__latest').getByText('Svar fra Anna var allerede med – 1 i alt.').waitFor();
  await fac.page.getByText('6 kort · 1 deltager · 1 svar').waitFor();
  assertClean(fac.problems, 'facilitator without a camera');

  // ---- The video: each phone's codes a second each (in three poses), a code that is no
  // answers (made by the app's own codec) at the end; every frame with a
  // code is read by zbarimg as its link.
  const stranger = await fac.page.evaluate(async () => {
    const made = (await globalThis.tolCodec()).qr('https://example.org/kaffe');
    const [side, d] = [made.slice(0, made.indexOf(' ')), made.slice(made.indexOf(' ') + 1)];
    return { side: Number(side), d };
  });
  // Each code in three poses a third of a second each, as a phone held up
  // moves a little: no reader reads every pose of every code.
  const POSES = [{}, { grow: 24, dx: -9, dy: 6 }, { grow: -20, dx: 11, dy: -7 }];
  const sequence = [];
  for (const s of shown) {
    for (const c of s.codes) {
      for (const pose of POSES) sequence.push({ alias: s.alias, text: c.text, drawing: { ...c.drawing, pose } });
    }
    sequence.push(null);
  }
  sequence.push({ alias: null, text: 'https://example.org/kaffe', drawing: stranger }, null);
  const painter = await newPage(env.browser, env.server, { size: 'tablet' });
  await painter.page.goto('about:blank');
  const frames = await paintFrames(painter.page, sequence.map((s) => s && s.drawing));
  await painter.context.close();
  frames.forEach((luma, i) => {
    if (sequence[i]) assert.equal(zbarFrame(luma), sequence[i].text, `frame ${i} reads as its link`);
  });
  const hold = sequence.map((s) => (s ? Math.round(VIDEO.fps / POSES.length) : 1));
  const video = join(dir, 'codes.y4m');
  writeY4m(video, frames, hold);
  const period = (hold.reduce((a, b) => a + b, 0) / VIDEO.fps) * 1000;
  // When each phone's first code comes into view, in ms from the video's start.
  const starts = {};
  hold.reduce((at, n, i) => {
    if (sequence[i]?.alias && !(sequence[i].alias in starts)) starts[sequence[i].alias] = (at / VIDEO.fps) * 1000;
    return at + n;
  }, 0);

  // ---- The facilitator's tablet with the camera: the workshop from its file.
  const camera = await launchWithCamera(video);
  try {
    const context = await camera.newContext({ viewport: VIEWPORTS.tablet, locale: 'da-DK', timezoneId: 'Europe/Copenhagen', permissions: ['camera'] });
    await context.addInitScript(scanProbe({ noNative: true }));
    const tab = await newPage(camera, env.server, { context });
    await importFile(tab.page, env.server, { name: sessionFile.name, text: sessionFile.text });
    await tab.page.getByRole('button', { name: 'Flet ind' }).click();
    await tab.page.getByText('Importen er gennemført.').waitFor();
    const reader = [];
    tab.page.on('request', (r) => {
      if (/\/qr-reader-[0-9a-f]{16}_bg\.wasm$/.test(r.url())) reader.push(r.url());
    });
    await visit(tab.page, sessionUrl);
    await tab.page.getByText('6 kort · 0 deltagere · 0 svar').waitFor();
    assert.equal(reader.length, 0, 'the session page does not fetch the QR reader');

    await tab.page.getByRole('button', { name: 'Skan svar' }).click();
    const panel = tab.page.locator('.scan__panel');
    await tab.page.locator('.scan__panel[data-camera="looking"]').waitFor({ timeout: 20000 });
    assert.equal(await panel.getAttribute('data-reader'), 'rust', 'the QR reader wasm reads (no BarcodeDetector here)');
    assert.equal(reader.length, 1, 'the QR reader is fetched once the scanner opens');
    const merged = tab.page.locator('.scan__log li.scan__line--merged');
    for (let n = 1; n <= ALIASES.length; n++) {
      await merged.nth(n - 1).waitFor({ timeout: 60000 });
    }
    const lines = await merged.allInnerTexts();
    assert.deepEqual(lines.slice().reverse(), ALIASES.map((a, i) => `Svar fra ${a} er flettet ind – ${i + 1} i alt.`));
    await tab.page.getByText('6 kort · 4 deltagere · 4 svar').waitFor();
    await tab.page.locator('.scan__latest').waitFor();
    await assertAccessible(tab.page, 'scanner @ tablet');

    // The video plays on (it loops): every code comes again and counts nothing.
    await tab.page.waitForTimeout(period + 1500);
    const probe = await tab.page.evaluate(() => ({ ...window.__scan, streams: window.__scan.streams.length }));
    const kinds = probe.lines.map((l) => l.kind);
    assert.equal(kinds.filter((k) => k === 'scan__line--merged').length, 4, 'four merges, none twice');
    assert.equal(probe.beeps, 4, 'one beep a merge');
    assert.deepEqual(
      probe.lines.filter((l) => l.kind === 'scan__line--refused').map((l) => l.text),
      ['Koden er ikke et link med svar fra Tid og Lyst. Intet er ændret.'],
      'the stranger code refused once',
    );
    assert.equal(await merged.count(), 4);
    await tab.page.getByText('6 kort · 4 deltagere · 4 svar').waitFor();

    // From each phone's first code in view to its merge.
    const waits = probe.lines
      .filter((l) => l.kind === 'scan__line--merged')
      .map((l) => {
        const alias = l.text.match(/^Svar fra (\S+) /)[1];
        const since = l.at - probe.started - starts[alias];
        return { alias, ms: Math.round(((since % period) + period) % period) };
      });
    console.log(`scan: code in view → merged: ${waits.map((w) => `${w.alias} ${w.ms} ms`).join(', ')}`);

    // Closing the scanner turns the camera off; so does leaving the page.
    await tab.page.getByRole('button', { name: 'Luk kameraet' }).click();
    const ended = () => tab.page.evaluate(() => window.__scan.streams.every((s) => s.getTracks().every((t) => t.readyState === 'ended')));
    await tab.page.waitForFunction(() => window.__scan.streams.every((s) => s.getTracks().every((t) => t.readyState === 'ended')));
    await tab.page.getByRole('button', { name: 'Skan svar' }).click();
    await tab.page.locator('.scan__panel[data-camera="looking"]').waitFor({ timeout: 20000 });
    assert.equal(await ended(), false, 'the camera is on again');
    await tab.page.getByRole('link', { name: 'Vis på projektor' }).click();
    await tab.page.locator('.projector').waitFor();
    await tab.page.waitForFunction(() => window.__scan.streams.every((s) => s.getTracks().every((t) => t.readyState === 'ended')));
    assertClean(tab.problems, 'facilitator with the camera');
  } finally {
    await camera.close();
  }
});
