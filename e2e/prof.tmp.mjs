import { chromium } from 'playwright-core';
import { startServer } from './lib/harness.mjs';
const server = await startServer({ root: '/tmp/dn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const route = process.env.ROUTE || '/om';
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console:', m.text().slice(0, 200)));
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(server.url(route));
await page.locator('main#main').waitFor();
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map(); const dt = profile.timeDeltas; 
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
// inclusive time per function name
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id); const k = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
  self.set(k, (self.get(k) || 0) + t);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const nn = byId.get(cur); const kk = nn.callFrame.functionName || '(anon)'; if (!seen.has(kk)) { incl.set(kk, (incl.get(kk) || 0) + t); seen.add(kk); } cur = parent.get(cur); }
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${(t / 1000).toFixed(1).padStart(7)} ms  ${k.slice(0, 150)}`).join('\n');
console.log('SELF\n' + top(self, 25)); console.log('INCLUSIVE\n' + top(incl, 45));

const totals = new Map(); // node id -> inclusive
const incOf = (id) => { if (totals.has(id)) return totals.get(id); const n = byId.get(id); let t = counts.get(id) || 0; for (const c of n.children || []) t += incOf(c); totals.set(id, t); return t; };
const pr = (id, d) => { const n = byId.get(id); const t = incOf(id); if (t < 1500 || d > 14) return; console.log(' '.repeat(d) + (t/1000).toFixed(1) + ' ' + (n.callFrame.functionName || '(anon)').slice(0, 120)); for (const c of n.children || []) pr(c, d + 1); };
for (const n of profile.nodes) if (n.callFrame.functionName === 'go') pr(n.id, 0);
await browser.close(); process.exit(0);
