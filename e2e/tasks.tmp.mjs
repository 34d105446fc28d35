import { chromium } from 'playwright-core';
import { startServer, ROUTES } from './lib/harness.mjs';
const server = await startServer({ compress: 'gzip' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const route of (process.env.PAGES || ROUTES.join(',')).split(',')) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  await page.goto(server.url(route));
  await page.locator('main#main').waitFor();
  await page.waitForTimeout(3000);
  const lt = await page.evaluate(() => window.__lt);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  const tbt = lt.filter(([s]) => s > fcp).reduce((t, [, d]) => t + Math.max(0, d - 50), 0);
  console.log(route.padEnd(14), 'fcp', Math.round(fcp), 'tbt~', tbt, JSON.stringify(lt));
  await ctx.close();
}
await browser.close(); await server.close?.();
process.exit(0);
