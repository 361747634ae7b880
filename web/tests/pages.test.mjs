// Every page renders real data from the API: each test opens a page, waits for records that GraphQL says exist, and
// saves a screenshot to web/test-artifacts/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countyWithNotices, firstProgram, fundNotice, organizationInProgram, villageWithProjects } from './fixtures.mjs';
import { baseUrl, beijingDay, graphql, openBrowser, schemaHas, sharedBrowser } from './harness.mjs';

const browser = sharedBrowser();

async function open(path) {
  await browser.page.goto(`${baseUrl}/${path}`);
}

const byTestId = (id) => browser.page.getByTestId(id);

test('home shows money by kind, projects by status, notice compliance and recent notices for a province and year', async () => {
  const { page, screenshot } = browser;
  await open('#/?region=45');
  await byTestId('money-cards').waitFor();
  await page.locator('[data-testid="chart"] svg').first().waitFor();
  const year = Number(await page.locator('#home-year').inputValue());
  const expected = await graphql(
    'query($y: Int) { noticeCompliance(region: "45", year: $y) { published late } projectStatusCounts(region: "45", year: $y) { count } }',
    { y: year },
  );
  assert.equal(await byTestId('notices-published').textContent(), expected.noticeCompliance.published.toLocaleString('zh-CN'));
  assert.equal(await byTestId('notices-late').textContent(), expected.noticeCompliance.late.toLocaleString('zh-CN'));
  assert.equal(await byTestId('project-status-table').locator('tbody tr').count(), expected.projectStatusCounts.length);
  assert.ok((await byTestId('notice-list').locator('li').count()) > 0);
  if (await schemaHas('Query', 'needs')) {
    const needs = await graphql('{ needs(region: "45", status: FULFILLED, first: 1) { totalCount } openNeeds(region: "45", first: 1) { totalCount } }');
    await page.locator(`[data-testid="needs-met"]:text-is("${needs.needs.totalCount.toLocaleString('zh-CN')}")`).waitFor();
    // "Awaiting pledges" counts what takes pledges today, partly pledged needs too.
    await page.locator(`[data-testid="needs-open"]:text-is("${needs.openNeeds.totalCount.toLocaleString('zh-CN')}")`).waitFor();
  }
  await screenshot('home-guangxi');
});

test('a notice page shows the notice, its funds, notice period, supervision phones and history', async () => {
  const { page, screenshot } = browser;
  const notice = await fundNotice();
  await open(`#/notices/${encodeURIComponent(notice.code)}`);
  await page.getByRole('heading', { level: 1, name: notice.title }).waitFor();
  const funds = await byTestId('notice-funds').locator('tbody tr').allTextContents();
  assert.equal(funds.length, notice.funds.length);
  for (const fund of notice.funds) assert.ok(funds.some((row) => row.includes(fund.code)), `fund ${fund.code} is listed`);
  await page.getByRole('link', { name: '12317', exact: true }).waitFor();
  await page.getByRole('heading', { name: '修改记录' }).waitFor();
  await page.locator('[data-testid="history"], [data-testid="history-empty"]').first().waitFor();
  await screenshot('notice');
});

test('a village page shows its figures by year, the exit check, money and projects', async () => {
  const { page, screenshot } = browser;
  const { village, project } = await villageWithProjects();
  await open(`#/villages/${village.shortCode}`);
  await page.getByRole('heading', { level: 1, name: village.name }).waitFor();
  assert.equal(await byTestId('village-statistics').locator('tbody tr').count(), village.statistics.length);
  // Generated figures of a real village say so.
  assert.equal(await byTestId('statistics-demo').count(), village.statistics.some((s) => s.isDemo) ? 1 : 0);
  await byTestId('exit-assessment').waitFor();
  assert.match(await byTestId('village-projects').textContent(), new RegExp(project));
  await byTestId('village-money').waitFor();
  await screenshot('village');
});

test('a project page and a fund page trace the money', async () => {
  const { page, screenshot } = browser;
  const { project } = await villageWithProjects();
  const detail = await graphql('query($c: String!) { project(code: $c) { name allocations { fund { code name } } } }', { c: project });
  await open(`#/projects/${encodeURIComponent(project)}`);
  await page.getByRole('heading', { level: 1, name: detail.project.name }).waitFor();
  await byTestId('transactions').or(page.getByText('暂无资金流动记录。')).first().waitFor();
  await screenshot('project');

  const fund = detail.project.allocations[0].fund;
  await page.getByRole('link', { name: fund.name }).first().click();
  await page.getByRole('heading', { level: 1, name: fund.name }).waitFor();
  assert.match(await byTestId('fund-allocations').textContent(), new RegExp(detail.project.name));
  await screenshot('fund');
});

test('organisations and programs: the program list, a program with its pairings and members, an organisation', async () => {
  const { page, screenshot } = browser;
  const programs = await graphql('{ programs(first: 100) { totalCount } }');
  await open('#/organizations');
  await byTestId('programs').waitFor();
  assert.equal(await byTestId('programs').locator('li').count(), programs.programs.totalCount);
  await byTestId('organizations').waitFor();
  await screenshot('organizations');

  const program = await firstProgram();
  await page.getByRole('link', { name: program.name }).click();
  await page.getByRole('heading', { level: 1, name: program.name }).waitFor();
  await byTestId('pairings').waitFor();
  await page.locator('[data-testid="chart"] svg').first().waitFor();
  if (await schemaHas('Query', 'programScorecard')) {
    await page.locator('[data-testid="program-dashboard"], [data-testid="scorecard"]').or(page.getByText('暂无认捐记录。')).first().waitFor();
  }
  await screenshot('program');

  const organization = await organizationInProgram();
  await open(`#/organizations/${encodeURIComponent(organization.code)}`);
  await page.getByRole('heading', { level: 1, name: organization.name }).waitFor();
  if (await schemaHas('Query', 'organizationScorecard')) {
    const card = await graphql('query($o: String!) { organizationScorecard(organization: $o) { total { pledges } } }', { o: organization.code });
    if (card.organizationScorecard?.total.pledges > 0) await byTestId('scorecard').waitFor();
    else await page.getByText('暂无认捐记录。').waitFor();
  }
  await screenshot('organization');
});

test('needs: the marketplace list and the needs of a village with progress bars, once the API has needs', async (t) => {
  if (!(await schemaHas('Query', 'needs'))) {
    t.skip('the API has no needs yet');
    return;
  }
  const { page, screenshot } = browser;
  const expected = await graphql('{ needs(first: 1) { totalCount nodes { code region { shortCode name } } } }');
  await open('#/needs');
  await page.locator(`[data-testid="need-results"][data-total="${expected.needs.totalCount}"]`).waitFor();
  await screenshot('needs');
  if (expected.needs.nodes.length > 0) {
    const need = expected.needs.nodes[0];
    await open(`#/villages/${need.region.shortCode}`);
    await page.locator(`[data-testid="need-list"] li[data-code="${need.code}"]`).waitFor();
    await page.locator(`li[data-code="${need.code}"] progress`).first().waitFor();
    await screenshot('village-needs');
  }
});

test('the villages page finds a place by name', async () => {
  const { page, screenshot } = browser;
  const { village } = await villageWithProjects();
  await open('#/villages');
  await page.getByLabel('地区名称').fill(village.name);
  await page.getByRole('button', { name: '搜索' }).click();
  await byTestId('village-results').getByRole('link', { name: village.name }).first().waitFor();
  await screenshot('villages');
});

test('the projects list shows what GraphQL counts', async () => {
  const { page, screenshot } = browser;
  const expected = await graphql('{ projects(region: "45", status: IMPLEMENTING, first: 1) { totalCount } }');
  await open('#/projects?region=45&status=IMPLEMENTING');
  await page.locator(`[data-testid="project-results"][data-total="${expected.projects.totalCount}"]`).waitFor();
  await screenshot('projects');
});

test('overdue projects are marked in the list and on their page, and the filter is chosen in the form', async () => {
  const { page } = browser;
  const overdue = await graphql('{ projects(region: "45", overdue: true, first: 20) { totalCount nodes { code plannedEnd status isOverdue } } }');
  assert.ok(overdue.projects.totalCount > 0, 'the demo data has projects past their planned end and not accepted');
  await open('#/projects?region=45');
  await page.getByLabel('是否逾期').selectOption({ label: '逾期未验收' });
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/overdue=true/);
  const results = page.locator(`[data-testid="project-results"][data-total="${overdue.projects.totalCount}"]`);
  await results.waitFor();
  assert.equal(await results.locator('tbody tr').count(), overdue.projects.nodes.length);
  assert.equal(await results.getByTestId('project-overdue').count(), overdue.projects.nodes.length);

  const project = overdue.projects.nodes[0];
  assert.ok(project.plannedEnd < beijingDay() && ['IN_LIBRARY', 'APPROVED', 'IMPLEMENTING'].includes(project.status));
  await results.getByRole('link').filter({ hasText: /./ }).first().click();
  await page.getByTestId('project-page').getByTestId('project-overdue').waitFor();

  // Each page has its own title: its heading, then the site.
  const name = await page.getByTestId('project-page').getByRole('heading', { level: 1 }).textContent();
  await page.waitForFunction((title) => document.title === title, `${name} · OpenAid 公开扶贫`);
  await page.goBack();
  await page.waitForFunction(() => document.title === '项目 · OpenAid 公开扶贫');

  // An accepted project is never marked.
  const accepted = await graphql('{ projects(region: "45", status: ACCEPTED, first: 1) { nodes { code isOverdue } } }');
  assert.equal(accepted.projects.nodes[0].isOverdue, false);
  await open(`#/projects/${encodeURIComponent(accepted.projects.nodes[0].code)}`);
  await page.getByTestId('project-page').waitFor();
  assert.equal(await page.getByTestId('project-overdue').count(), 0);
});

test('the data page links every export with the chosen filters, the dump and GraphiQL', async () => {
  const { page, screenshot } = browser;
  await open('#/data');
  const lists = byTestId('export-lists');
  await lists.locator('tr[data-list="notices"]').waitFor();
  await page.locator('#region-level-0').selectOption('45');
  await page.locator('#data-year').selectOption('2019');
  const csv = lists.locator('tr[data-list="notices"]').getByRole('link', { name: 'CSV' });
  await page.waitForFunction(() => document.querySelector('tr[data-list="notices"] a')?.getAttribute('href')?.includes('year=2019'));
  const href = await csv.getAttribute('href');
  assert.equal(href, '/export/notices.csv?region=45&year=2019');
  const response = await fetch(`${baseUrl}${href}`);
  assert.equal(response.status, 200);
  assert.deepEqual([...new Uint8Array(await response.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(await byTestId('dump-link').getAttribute('href'), '/export/dump.zip');
  assert.equal(await byTestId('graphiql-link').getAttribute('href'), '/graphiql');
  await screenshot('data');
});

test('a bad record or filter shows a message, never a broken page', async () => {
  const { page } = browser;
  await open('#/notices/GS-000000-0000-0000');
  await byTestId('not-found').waitFor();
  await open('#/notices?region=4');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /“4”不是统计用区划代码/);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  await page.locator('#region-level-0').waitFor();
});

test('pages fit a phone screen', async () => {
  const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
  try {
    const { village } = await villageWithProjects();
    const notice = await fundNotice();
    const { county } = await countyWithNotices();
    for (const [name, path, ready] of [
      ['home-phone', '#/', 'money-cards'],
      ['notices-phone', `#/notices?region=${county}`, 'notice-list'],
      ['notice-phone', `#/notices/${encodeURIComponent(notice.code)}`, 'notice-body'],
      ['village-phone', `#/villages/${village.shortCode}`, 'village-statistics'],
    ]) {
      await phone.page.goto(`${baseUrl}/${path}`);
      await phone.page.getByTestId(ready).waitFor();
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name} is ${overflow}px wider than the screen`);
      await phone.screenshot(name);
    }
    assert.deepEqual(phone.consoleErrors, []);
  } finally {
    await phone.close();
  }
});
