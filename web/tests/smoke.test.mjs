import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, graphql, openBrowser } from './harness.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('home page renders, shows dataAsOf and switches to English', async () => {
  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/`);

  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: '公告公示' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.deepEqual(await nav.getByRole('link').allTextContents(), [
    '首页',
    '公告公示',
    '项目',
    '村庄',
    '需求对接',
    '组织与项目',
    '地区对比',
    '开放数据',
  ]);
  await page.getByTestId('data-as-of').waitFor();
  assert.match(await page.getByTestId('data-as-of').textContent(), /^最后更新/);
  // While the database holds generated records, every page says so.
  const demo = await graphql('{ holdsDemoData }');
  if (demo.holdsDemoData) assert.match(await page.getByTestId('demo-banner').textContent(), /演示数据/);
  else assert.equal(await page.getByTestId('demo-banner').count(), 0);
  await screenshot('home-zh');

  await page.getByRole('button', { name: 'English' }).click();
  await nav.getByRole('link', { name: 'Notices' }).waitFor();
  assert.deepEqual(await nav.getByRole('link').allTextContents(), [
    'Home',
    'Notices',
    'Projects',
    'Villages',
    'Needs',
    'Organisations & programs',
    'Compare regions',
    'Data',
  ]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  // The choice is remembered.
  await page.reload();
  await nav.getByRole('link', { name: 'Notices' }).waitFor();
  await page.getByTestId('data-as-of').waitFor();
  await screenshot('home-en');

  assert.deepEqual(consoleErrors, []);
});
