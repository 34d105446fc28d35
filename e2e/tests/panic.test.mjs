// A panic shows a friendly Danish error page, not a blank screen, and the
// user can still download their data from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, newPage, importFile, downloadText, assertAccessible } from '../lib/harness.mjs';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8');

const env = useBrowser();

test('after a panic the error page offers the data and a restart', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  await page.evaluate(() => {
    try {
      window.wasmBindings.selftest_panic();
    } catch {
      // The wasm traps after the panic hook has run.
    }
  });
  await page.getByRole('heading', { level: 1, name: 'Ups – der skete en fejl' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Dine gemte data er ikke slettet/);
  const file = await downloadText(page, () => page.getByRole('link', { name: 'Hent en kopi af dine data' }).click());
  const data = JSON.parse(file.text);
  assert.equal(data.format, 'tid-og-lyst');
  assert.equal(data.dreams[0].title, 'Fisketur fra havnen');
  assert.equal(data.activities.length, 1);
  await assertAccessible(page, 'panic page');
  // Only the deliberate panic may have been logged.
  assert.ok(problems.errors.every((e) => /selvtest af fejlsiden|unreachable|panicked/i.test(e)), problems.errors.join('\n'));
  assert.deepEqual(problems.foreign, []);
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Genstart appen' }).click()]);
  await page.locator('main#main').waitFor();
  await context.close();
});
