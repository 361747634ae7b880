// A notice search by county, walking the region picker province → city → county, finds what GraphQL finds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countyWithNotices } from './fixtures.mjs';
import { baseUrl, graphql, openBrowser } from './harness.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('searching notices by county lists the notices GraphQL returns for that county, page by page', async () => {
  const { page, consoleErrors, screenshot } = browser;
  const expected = await countyWithNotices();
  await page.goto(`${baseUrl}/#/notices`);

  for (const [level, code] of expected.chain.entries()) {
    await page.locator(`#region-level-${level}`).selectOption(code);
  }
  await page.getByRole('button', { name: '查询' }).click();

  const results = page.locator(`[data-testid="notice-results"][data-total="${expected.totalCount}"]`);
  await results.waitFor();
  assert.ok(page.url().endsWith(`#/notices?region=${expected.county}`), page.url());
  const shown = await results.locator('li[data-code]').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
  assert.deepEqual(shown, expected.nodes.map((n) => n.code));
  assert.match(await page.getByTestId('pager-status').textContent(), new RegExp(`共 ${expected.totalCount.toLocaleString('zh-CN')} 条`));
  await screenshot('notice-search');

  // The second page is the second page of the GraphQL list.
  const second = await graphql(
    'query($r: String!) { first: notices(region: $r, first: 20) { pageInfo { endCursor } } }',
    { r: expected.county },
  );
  const secondPage = await graphql('query($r: String!, $a: String) { notices(region: $r, first: 20, after: $a) { nodes { code } } }', {
    r: expected.county,
    a: second.first.pageInfo.endCursor,
  });
  await page.getByRole('button', { name: '下一页' }).click();
  await page.locator(`li[data-code="${secondPage.notices.nodes[0].code}"]`).waitFor();
  const shownSecond = await results.locator('li[data-code]').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
  assert.deepEqual(shownSecond, secondPage.notices.nodes.map((n) => n.code));

  // The export link carries the same filter.
  assert.equal(await page.getByTestId('export-notices').getByRole('link', { name: 'CSV' }).getAttribute('href'), `/export/notices.csv?region=${expected.county}`);
  assert.deepEqual(consoleErrors, []);
});

test('a code typed into a search box finds its record, and a document number finds the notices about its fund', async () => {
  const { page, consoleErrors } = browser;
  const { notices, projects, organizations } = await graphql(
    '{ notices(kind: FUND, first: 1) { nodes { code funds { documentNumber } } } projects(first: 1) { nodes { code } } organizations(kind: PRIVATE_ENTERPRISE, first: 1) { nodes { code creditCode } } }',
  );
  // A project's code, typed in lower case into the notices' search, opens the project.
  await page.goto(`${baseUrl}/#/notices`);
  await page.getByLabel('标题、编号或文号').fill(` ${projects.nodes[0].code.toLowerCase()} `);
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator(`[data-testid="project-page"][data-code="${projects.nodes[0].code}"]`).waitFor();

  // A credit code in the organisations' search opens the organisation.
  await page.goto(`${baseUrl}/#/organizations`);
  await page.getByLabel('名称、编号或统一社会信用代码').fill(organizations.nodes[0].creditCode);
  await page.getByRole('button', { name: '搜索' }).click();
  await page.locator(`[data-testid="organization-page"][data-code="${organizations.nodes[0].code}"]`).waitFor();

  // A document number (文号) lists the notices about the fund it names.
  const notice = notices.nodes[0];
  await page.goto(`${baseUrl}/#/notices`);
  await page.getByLabel('标题、编号或文号').fill(notice.funds[0].documentNumber);
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator(`[data-testid="notice-results"] li[data-code="${notice.code}"]`).waitFor();
  assert.deepEqual(consoleErrors, []);
});
