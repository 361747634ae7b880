// A reporter compares regions level by level: money, late-notice shares and objection response times for the units
// below a region, each figure the API's own, each row a level down, the level and year in the address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, demoYear, graphql, sharedBrowser } from './harness.mjs';

const browser = sharedBrowser();

/** The cells of a table's row whose first cell is the given text. */
async function rowOf(table, name) {
  const exactly = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = table.locator('tbody tr').filter({ has: table.page().locator('td:first-child', { hasText: exactly }) });
  await row.waitFor();
  return row.locator('td').allTextContents();
}

const comparison = `query($region: String, $year: Int) {
  noticeComplianceByRegion(region: $region, year: $year) { region { name shortCode level } published late lateSharePercent }
  objectionStatsByRegion(region: $region, year: $year) { region { name shortCode level } total overdue averageDaysToRespond }
}`;

test('a reporter drills down from the provinces to a county, each level with the API figures, and Back goes up', async () => {
  const { page, screenshot } = browser;
  await page.goto(`${baseUrl}/#/`);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地区对比' }).click();
  await page.getByRole('heading', { level: 1, name: '地区对比' }).waitFor();
  const money = page.getByTestId('reports-money-table');
  await rowOf(money, '广西壮族自治区');
  assert.equal(await page.title(), '地区对比 · OpenAid 公开扶贫');

  // Guangxi: its cities, and the province's own notices as a row of their own (本级).
  await money.getByRole('link', { name: '广西壮族自治区' }).click();
  await page.getByRole('heading', { name: '公告公示及时性：广西壮族自治区各市（州）' }).waitFor();
  assert.match(page.url(), /#\/reports\?region=45$/);
  const guangxi = await graphql(comparison, { region: '45' });
  const late = page.getByTestId('reports-late-table');
  for (const entry of guangxi.noticeComplianceByRegion) {
    const name = entry.region.level === 'PROVINCE' ? `${entry.region.name}（本级）` : entry.region.name;
    const cells = await rowOf(late, name);
    assert.deepEqual(cells.slice(1, 4), [entry.published.toLocaleString('zh-CN'), entry.late.toLocaleString('zh-CN'), `${entry.lateSharePercent}%`]);
  }
  await screenshot('reports-guangxi');

  // The city with the most objections, in a year of the demo: its counties' response times.
  const city = [...guangxi.objectionStatsByRegion].sort((a, b) => b.total - a.total)[0].region;
  const year = demoYear(2019);
  await page.getByTestId('reports-objections-table').getByRole('link', { name: city.name }).click();
  await page.getByRole('heading', { name: `异议答复用时：${city.name}各县（市、区）` }).waitFor();
  await page.getByLabel('年度').selectOption(String(year));
  await page.waitForFunction((y) => location.hash.endsWith(`year=${y}`), year);
  assert.match(page.url(), new RegExp(`#/reports\\?region=${city.shortCode}&year=${year}$`));
  const counties = await graphql(comparison, { region: city.shortCode, year });
  assert.ok(counties.objectionStatsByRegion.length > 0, `objections filed in ${city.name} in ${year}`);
  const objections = page.getByTestId('reports-objections-table');
  for (const entry of counties.objectionStatsByRegion.filter((e) => e.region.level === 'COUNTY')) {
    const cells = await rowOf(objections, entry.region.name);
    assert.equal(cells[1], entry.total.toLocaleString('zh-CN'));
    assert.equal(cells[5], entry.averageDaysToRespond === null ? '—' : `${entry.averageDaysToRespond.toFixed(1)} 天`);
    assert.equal(cells[7], entry.overdue.toLocaleString('zh-CN'));
  }
  const trail = page.getByTestId('reports-trail');
  assert.equal((await trail.textContent()).replace(/\s+/g, ' ').split(' · ')[0], `全部省份 › 广西壮族自治区 › ${city.name}`);
  await screenshot('reports-city-year');

  // A county: its townships; the year stays chosen.
  const county = counties.noticeComplianceByRegion.find((e) => e.region.level === 'COUNTY').region;
  await late.getByRole('link', { name: county.name }).click();
  await page.getByRole('heading', { name: `资金：${county.name}各乡镇（街道）` }).waitFor();
  assert.match(page.url(), new RegExp(`region=${county.shortCode}&year=${year}$`));

  // Back returns to the city, Back again to the city without the year.
  await page.goBack();
  await page.getByRole('heading', { name: `异议答复用时：${city.name}各县（市、区）` }).waitFor();
  assert.equal(await page.getByLabel('年度').inputValue(), String(year));
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('year='));
  assert.equal(await page.getByLabel('年度').inputValue(), '');
});

test('a village has nothing below it to compare, and a bad code says so', async () => {
  const { page } = browser;
  const { regions } = await graphql('{ regions(region: "4510", level: VILLAGE, first: 1) { nodes { shortCode name } } }');
  await page.goto(`${baseUrl}/#/reports?region=${regions.nodes[0].shortCode}`);
  await page.getByText('村（社区）是最小的统计单位').waitFor();
  assert.equal(await page.getByTestId('reports-money-table').count(), 0);

  await page.goto(`${baseUrl}/#/reports?region=4x`);
  await page.getByRole('alert').first().waitFor();
  assert.match(await page.getByRole('alert').first().textContent(), /区划代码/);
});
