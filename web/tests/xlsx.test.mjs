// A reporter downloads XLSX from the Data page and a village page: the test clicks the links as a reader would, saves
// each download to OPENAID_DOWNLOADS (BrowserTests sets it; web/test-artifacts/downloads otherwise) with a manifest of
// what it should hold. BrowserTests then reads every saved file back with MiniExcel, the library that wrote it, and
// checks its rows against the NDJSON export of the same filters and that its codes are text cells (web/README.md).
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { baseUrl, sharedBrowser } from './harness.mjs';

const browser = sharedBrowser();
const downloads = process.env.OPENAID_DOWNLOADS ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'test-artifacts', 'downloads');

/** Clicks the link, saves the download it starts, and records the list and query it should be the export of. */
async function download(link, name) {
  const href = await link.getAttribute('href');
  const [file] = await Promise.all([browser.page.waitForEvent('download'), link.click()]);
  await mkdir(downloads, { recursive: true });
  const path = join(downloads, `${name}.xlsx`);
  await file.saveAs(path);
  const url = new URL(href, baseUrl);
  const list = url.pathname.match(/^\/export\/(\w+)\.xlsx$/)?.[1];
  assert.ok(list, `${href} is an XLSX export`);
  await writeFile(join(downloads, `${name}.json`), JSON.stringify({ file: `${name}.xlsx`, list, query: url.search.slice(1), suggestedFilename: file.suggestedFilename() }));
  return { file: path, href, suggestedFilename: file.suggestedFilename() };
}

test('the data page downloads a list as XLSX with the chosen filters, headed in the reader\'s language', async () => {
  const { page } = browser;
  await page.goto(`${baseUrl}/#/data`);
  const row = page.locator('[data-testid="export-lists"] tr[data-list="deliveries"]');
  await row.waitFor();
  await page.locator('#region-level-0').selectOption('45');
  await page.waitForFunction(() => document.querySelector('tr[data-list="deliveries"] a')?.getAttribute('href')?.includes('region=45'));
  const saved = await download(row.getByRole('link', { name: 'XLSX' }), 'data-deliveries');

  assert.equal(saved.href, '/export/deliveries.xlsx?region=45&lang=zh');
  assert.equal(saved.suggestedFilename, 'openaid-deliveries-region-45.xlsx');
  assert.equal(await row.getByRole('link', { name: 'CSV' }).getAttribute('href'), '/export/deliveries.csv?region=45');
  assert.ok(await page.locator('tr[data-list="objections"]').getByRole('link', { name: 'XLSX' }).isVisible());
});

test('a village page downloads its deliveries as XLSX', async () => {
  const { page } = browser;
  const response = await fetch(`${baseUrl}/export/deliveries.ndjson?region=45`);
  const village = JSON.parse((await response.text()).split('\n')[0]).region_code;
  await page.goto(`${baseUrl}/#/villages/${village}`);
  const links = page.getByTestId('export-deliveries');
  await links.waitFor();
  const saved = await download(links.getByRole('link', { name: 'XLSX' }), 'village-deliveries');

  assert.equal(saved.href, `/export/deliveries.xlsx?region=${village}&lang=zh`);
  assert.equal(saved.suggestedFilename, `openaid-deliveries-region-${village}.xlsx`);
});
