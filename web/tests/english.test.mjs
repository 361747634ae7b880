// The English switch translates the pages, not only the navigation, and the choice is remembered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fundNotice, villageWithProjects } from './fixtures.mjs';
import { baseUrl, openBrowser } from './harness.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('a notice page and a village page switch to English and back', async () => {
  const { page, consoleErrors, screenshot } = browser;
  const notice = await fundNotice();
  await page.goto(`${baseUrl}/#/notices/${encodeURIComponent(notice.code)}`);
  await page.getByRole('heading', { name: '公告全文' }).waitFor();

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Full text' }).waitFor();
  await page.getByRole('heading', { name: 'History of changes' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.ok(await page.getByText('Notice number').isVisible());
  assert.equal(await page.locator('.kicker .badge').first().textContent(), 'Funds');
  await screenshot('notice-en');

  const { village } = await villageWithProjects();
  await page.goto(`${baseUrl}/#/villages/${village.shortCode}`);
  await page.getByRole('heading', { name: 'Figures by year' }).waitFor();
  await page.getByRole('columnheader', { name: 'Poverty incidence' }).waitFor();
  await screenshot('village-en');

  await page.goto(`${baseUrl}/#/data`);
  await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
  await screenshot('data-en');

  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { level: 1, name: '开放数据' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.deepEqual(consoleErrors, []);
});
