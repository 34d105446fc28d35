// A fake camera for the scanner's journeys and benchmark: QR codes as the
// app draws them (a side in modules and one SVG path, `.qr__code`) painted
// on video frames the way a camera sees a phone held up (smaller than the
// frame, edges smoothed), written as YUV4MPEG2 for Chromium's
// --use-file-for-fake-video-capture, each frame checked with zbarimg.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newPage, importFile } from './harness.mjs';

/** The fake camera's frames: 640 × 480 at 5 frames a second. */
export const VIDEO = { width: 640, height: 480, fps: 5 };

/** The switches that make Chromium's camera play `file` (and allow it without asking). */
export function fakeCamera(file) {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}

/** Launches Chromium with a fake camera that plays `file`. */
export function launchWithCamera(file) {
  return launch({ args: fakeCamera(file) });
}

/** The code shown in `page` (its `svg.qr__code`): `{ side, d }`. */
export async function shownCode(page) {
  const svg = page.locator('svg.qr__code').first();
  await svg.locator('path').waitFor();
  return svg.evaluate((el) => ({
    side: Number(el.getAttribute('viewBox').split(' ')[3]),
    d: el.querySelector('path').getAttribute('d'),
  }));
}

/**
 * Paints each code of `codes` (`{ side, d }`, or null for a frame without
 * one) in `page` (any page: a canvas and a Path2D) on a white frame, the
 * code `size` pixels wide in its middle (or, with a `pose` of `{ grow, dx,
 * dy }`, `grow` pixels larger and moved by `dx`, `dy`, as a hand-held phone
 * moves), and returns each frame's luminance, one byte a pixel.
 */
export async function paintFrames(page, codes, { width, height } = VIDEO, size = 420) {
  const frames = await page.evaluate(({ codes, width, height, size }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    return codes.map((code) => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = '#f4f4f0';
      ctx.fillRect(0, 0, width, height);
      if (code) {
        // A phone's screen, a little off the pixel grid.
        const { grow = 0, dx = 0, dy = 0 } = code.pose || {};
        const side = size + grow;
        ctx.translate((width - side) / 2 + 0.4 + dx, (height - side) / 2 + 0.3 + dy);
        ctx.scale(side / code.side, side / code.side);
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, code.side, code.side);
        ctx.fillStyle = '#111';
        ctx.fill(new Path2D(code.d));
      }
      const rgba = ctx.getImageData(0, 0, width, height).data;
      let luma = '';
      for (let i = 0; i < rgba.length; i += 4) {
        luma += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
      }
      return btoa(luma);
    });
  }, { codes, width, height, size });
  return frames.map((b64) => Buffer.from(b64, 'base64'));
}

/** What zbarimg reads in a frame of luminance (as a PGM file); '' for nothing. */
export function zbarFrame(luma, { width, height } = VIDEO) {
  const dir = mkdtempSync(join(tmpdir(), 'scan-frame-'));
  const file = join(dir, 'frame.pgm');
  writeFileSync(file, Buffer.concat([Buffer.from(`P5 ${width} ${height} 255\n`), luma]));
  try {
    return execFileSync('zbarimg', ['--quiet', '--raw', '-Sbinary', file]).toString('utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Writes the frames (luminance) as a YUV4MPEG2 video, 4:2:0 with grey
 * colour planes: `frames[i]` is shown `hold[i]` frames long.
 */
export function writeY4m(file, frames, hold, { width, height, fps } = VIDEO) {
  const fd = openSync(file, 'w');
  writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  frames.forEach((luma, i) => {
    for (let k = 0; k < hold[i]; k++) {
      writeSync(fd, 'FRAME\n');
      writeSync(fd, luma);
      writeSync(fd, chroma);
    }
  });
  closeSync(fd);
}

/**
 * Script for a page before it starts (`addInitScript`): the browser's own
 * BarcodeDetector taken away when `noNative` (so the QR reader wasm is what
 * reads), and in `window.__scan` the beeps played, the camera's streams,
 * when the camera started and when each line of the scanner's log came.
 */
export function scanProbe({ noNative }) {
  return `(() => {
    if (${Boolean(noNative)}) delete window.BarcodeDetector;
    const probe = (window.__scan = { beeps: 0, streams: [], started: null, lines: [] });
    const start = AudioScheduledSourceNode.prototype.start;
    AudioScheduledSourceNode.prototype.start = function (...a) { probe.beeps += 1; return start.apply(this, a); };
    const gum = MediaDevices.prototype.getUserMedia;
    MediaDevices.prototype.getUserMedia = async function (c) {
      const s = await gum.call(this, c);
      probe.streams.push(s);
      if (probe.started === null) probe.started = performance.now();
      return s;
    };
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const li of [n, ...n.querySelectorAll('li')]) {
          if (li.matches('.scan__log li')) probe.lines.push({ text: li.textContent, kind: li.className, at: performance.now() });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  })();`;
}

/**
 * A fresh phone (a context of `browser`) joins the workshop `title` from its
 * file and answers its first card as `alias` with `position`; returns the
 * phone's `{ context, page, problems }`.
 */
export async function answerOnPhone(browser, server, { sessionFile, title, alias, position }) {
  const p = await newPage(browser, server, { size: 'phone' });
  await importFile(p.page, server, { name: sessionFile.name, text: sessionFile.text });
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByText('Importen er gennemført.').waitFor();
  await p.page.getByRole('link', { name: 'SKAL eller KAN', exact: true }).click();
  await p.page.getByRole('link', { name: title }).click();
  await p.page.getByRole('link', { name: 'Svar på kortene' }).click();
  await p.page.getByLabel('Dit kaldenavn').fill(alias);
  await p.page.getByRole('button', { name: 'Begynd at svare' }).click();
  await p.page.locator('.answer-card').getByLabel(position, { exact: true }).check();
  await p.page.getByText(/Du har svaret på 1 af \d+ kort\./).waitFor();
  return p;
}

/** What zbarimg reads in a PNG. */
export function zbarimg(png) {
  return execFileSync('zbarimg', ['--quiet', '--raw', '-Sbinary', png]).toString('utf8').trim();
}

/**
 * A participant's answers as QR codes ("Vis QR-kode"; several in turn when
 * the link is long): each code's text (the link the page shows), its
 * drawing and what zbarimg reads on a screenshot of it (PNGs in `dir`,
 * named after `name`), in order.
 */
export async function answerCodes(page, dir, name) {
  await page.getByRole('button', { name: 'Vis QR-kode' }).click();
  await page.locator('.qr__code path, .qr-parts').first().waitFor();
  if ((await page.locator('.qr-parts').count()) === 0) {
    const png = join(dir, `${name}.png`);
    await page.locator('svg.qr__code').screenshot({ path: png });
    return [{ text: await page.locator('.share-link__url').inputValue(), drawing: await shownCode(page), zbar: zbarimg(png) }];
  }
  await page.getByRole('button', { name: 'Stop skift' }).click();
  const links = await page.locator('.share-link__parts input').evaluateAll((inputs) => inputs.map((i) => i.value));
  const count = page.locator('.qr-parts__count');
  while ((await count.innerText()) !== `Kode 1 af ${links.length}`) await page.getByRole('button', { name: 'Næste kode' }).click();
  const codes = [];
  for (let k = 1; k <= links.length; k++) {
    await count.getByText(`Kode ${k} af ${links.length}`, { exact: true }).waitFor();
    const png = join(dir, `${name}-${k}.png`);
    const svg = page.getByRole('img', { name: new RegExp(`^QR-kode ${k} af ${links.length} `) });
    await svg.locator('path').waitFor();
    await svg.screenshot({ path: png });
    codes.push({ text: links[k - 1], drawing: await shownCode(page), zbar: zbarimg(png) });
    await page.getByRole('button', { name: 'Næste kode' }).click();
  }
  return codes;
}
