// Search speed as a person types, shared by the benchmarks: the time from a
// keystroke in "Søg i aktiviteter" to the updated list (the last change under
// <main>, or the next task if nothing changed) and to the next frame after it.
// A keystroke starts at its keydown; Playwright types letters outside the US
// layout (ø) as text input without a keydown, so then at its beforeinput.

/** The searches typed, one letter at a time. */
export const QUERIES = ['demenscafe assens', 'moedested', 'it cafe tørring'];

/**
 * How many times the searches are typed (ROUNDS=1 for a quick look): 41
 * keystrokes a round, so three rounds put 6 keystrokes, not 2, above the
 * p95 and one stray pause of a shared machine moves it less.
 */
export const ROUNDS = Number(process.env.ROUNDS || 3);

/** The p-th percentile of `xs` (NaN when empty). */
export function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

/**
 * Types every query into the search field of the open activities page and
 * returns per keystroke `{ dom, frame }` in ms; `onKey(query, letter, r)` is
 * called after each one.
 */
export async function keystrokeTimes(page, onKey = () => {}) {
  await page.evaluate(() => {
    const b = (window.__bench = { t0: 0, last: 0, idle: 0, frame: 0 });
    new MutationObserver(() => {
      b.last = performance.now();
      requestAnimationFrame(() => setTimeout(() => (b.frame = performance.now()), 0));
    }).observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
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
  for (const q of Array.from({ length: ROUNDS }, () => QUERIES).flat()) {
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
      onKey(q, ch, r);
    }
  }
  await search.fill('');
  return { dom, frame };
}
