// The yearly village checklist and the relapse-monitoring counts (issue 14) through the web app: a county official
// records a village's infrastructure and public-service checklist and the county's own monitoring counts in the
// Publisher workspace, then reads them back on the village and county pages. The village is one the county does not
// hold as poor, so that the exits test (which looks for a poor village meeting this year's criteria) is not disturbed.
// Needs the demo data's people (development sign-in).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, beijingDay, graphql, sharedBrowser } from './harness.mjs';
import { signInAs } from './signin.mjs';

const browser = sharedBrowser();
const year = beijingDay().slice(0, 4);

async function countyOfPublisher() {
  const users = await (await fetch(`${baseUrl}/dev/users`)).json();
  return users.find((u) => u.subject === 'dev-county-publisher').grants[0].region;
}

test("a county official records a village's checklist for this year, and the village page shows what is missing", async () => {
  const { page, screenshot } = browser;
  const county = await countyOfPublisher();
  const { regions } = await graphql(
    'query($r: String!) { regions(region: $r, level: VILLAGE, povertyStatus: NOT_REGISTERED, first: 1) { nodes { shortCode } } }',
    { r: county },
  );
  const village = regions.nodes[0]?.shortCode;
  assert.ok(village, `county ${county} has a village never registered as poor`);

  await page.goto(`${baseUrl}/#/`);
  await signInAs(page, 'dev-county-publisher');
  await page.goto(`${baseUrl}/#/work/publisher/villages`);
  const form = page.getByTestId('form-village-facilities');
  await form.getByLabel('村代码（12 位）').fill(village);
  await form.getByLabel('年度').fill(year);
  // Every item but the clinic, which is one of the main items: the main problems are then not solved.
  const items = form.locator('fieldset input[type="checkbox"]');
  for (let i = 0; i < (await items.count()); i++) await items.nth(i).check();
  await form.getByLabel('标准化村卫生室').uncheck();
  await form.getByRole('button', { name: '保存清单' }).click();
  await form.getByTestId('form-done').waitFor();

  await page.goto(`${baseUrl}/#/villages/${village}`);
  const section = page.getByTestId('village-facilities');
  await section.getByRole('heading', { name: new RegExp(`${year} 年`) }).waitFor();
  assert.match(await section.getByTestId('facilities-solved').textContent(), /仍有突出问题/);
  assert.equal(await section.locator('li[data-item="CLINIC"]').getAttribute('data-present'), 'false');
  assert.equal(await section.locator('li[data-item="HARDENED_ROAD"]').getAttribute('data-present'), 'true');
  await screenshot('village-checklist');

  // A correction of the same year: with the clinic the main problems are solved.
  await page.goto(`${baseUrl}/#/work/publisher/villages`);
  await form.getByLabel('村代码（12 位）').fill(village);
  await form.getByLabel('年度').fill(year);
  for (let i = 0; i < (await items.count()); i++) await items.nth(i).check();
  await form.getByRole('button', { name: '保存清单' }).click();
  await form.getByTestId('form-done').waitFor();
  await page.goto(`${baseUrl}/#/villages/${village}`);
  await section.locator('li[data-item="CLINIC"][data-present="true"]').waitFor();
  assert.match(await section.getByTestId('facilities-solved').textContent(), /突出问题已解决/);
});

test("a county official records the county's own monitoring counts, and the county page shows them as its own", async () => {
  const { page } = browser;
  const county = await countyOfPublisher();
  await page.goto(`${baseUrl}/#/`);
  await signInAs(page, 'dev-county-publisher');
  await page.goto(`${baseUrl}/#/work/publisher/villages`);
  const form = page.getByTestId('form-monitoring');
  await form.getByLabel('村（12 位）或县（6 位）代码').fill(county);
  await form.getByLabel('年度').fill(year);
  await form.getByLabel('脱贫人口').fill('4321');
  await form.getByLabel('返贫人口').fill('17');
  await form.getByLabel('监测户数').fill('256');
  await form.getByRole('button', { name: '保存监测数' }).click();
  await form.getByTestId('form-done').waitFor();

  await page.goto(`${baseUrl}/#/villages/${county}`);
  const row = page.getByTestId('region-monitoring').locator('tr', { hasText: year });
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  assert.deepEqual(cells.slice(0, 5), [year, '4,321', '17', '256', '本级填报'], cells.join(' | '));
});
