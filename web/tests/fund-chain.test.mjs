// The fund chain in the web app: a demo province fund's page shows its chain down to the county blocks, pools and
// projects, and a project reached from it names the fund its money came through; a county official transfers money
// into the county's integrated pool through the workspace form and sees the transfer on both funds' pages.
// The second test needs OPENAID_PUBLISHER_COUNTY_TOKEN (minted by the xunit browser test) and is skipped without it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, beijingDay, graphql, openBrowser, schemaHas } from './harness.mjs';
import { signInAs } from './signin.mjs';

const countyToken = process.env.OPENAID_PUBLISHER_COUNTY_TOKEN;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('a province fund page shows its chain, which leads to a project that names where its money came from', async (t) => {
  if (!(await schemaHas('Query', 'fundChain'))) {
    t.skip('needs fundChain in the API');
    return;
  }
  const { page } = browser;
  const data = await graphql('{ funds(level: CENTRAL, first: 100) { nodes { code region { level } transferred { fen } } } }');
  const root = data.funds.nodes.find((f) => f.region.level === 'PROVINCE' && f.transferred.fen > 0);
  assert.ok(root, 'the demo has a central fund a province cut into county blocks');

  await page.goto(`${baseUrl}/#/funds/${encodeURIComponent(root.code)}`);
  const chain = page.getByTestId('fund-chain');
  await chain.waitFor();
  assert.ok((await page.getByTestId('fund-transfers').locator('tbody tr').count()) > 0, 'the page lists its transfers');
  const step = chain.locator(`li[data-code="${root.code}"] > ul > li[data-code]`).first();
  const blockCode = await step.getAttribute('data-code');
  const project = chain.locator('li[data-project]').first();
  const projectCode = await project.getAttribute('data-project');
  assert.ok(projectCode, 'the chain reaches a project');

  await project.getByRole('link').click();
  await page.waitForURL(new RegExp(`#/projects/${projectCode}`));
  const sources = page.getByTestId('allocation-sources');
  await sources.first().waitFor();
  assert.ok((await page.getByTestId('project-allocations').getByRole('link').count()) > 0, 'the project names the funds that financed it');

  await page.goto(`${baseUrl}/#/funds/${encodeURIComponent(blockCode)}`);
  await page.getByTestId('fund-sources').waitFor();
  assert.ok(
    (await page.getByTestId('fund-sources').getByText(root.code).count()) > 0,
    'the county block names the province fund it came from',
  );
});

test('a county official transfers money into the pool through the form and sees it on both funds', async (t) => {
  if (!countyToken || !(await schemaHas('Mutation', 'transferFund'))) {
    t.skip('needs transferFund in the API and OPENAID_PUBLISHER_COUNTY_TOKEN');
    return;
  }
  const { page } = browser;
  const me = await graphql('{ me { grants { region { shortCode } } } }', {}, countyToken);
  const county = me.me.grants[0].region.shortCode;
  const stamp = Date.now();
  const year = Number(beijingDay().slice(0, 4));
  const create = (extra) =>
    graphql(
      'mutation($input: CreateFundInput!) { createFund(input: $input) { fund { code } errors { code message } } }',
      {
        input: {
          name: `浏览器测试资金 ${stamp}`,
          documentNumber: `测财农〔${year}〕${stamp}${extra.integratedPool ? 1 : 0}号`,
          fiscalYear: year,
          region: county,
          purpose: '用于贫困村产业发展。',
          decidedOn: beijingDay(),
          ...extra,
        },
      },
      countyToken,
    );
  const giver = (await create({ sourceType: 'COUNTY_FISCAL', level: 'COUNTY', amountFen: 1_000_000 })).createFund.fund.code;
  const pool = (await create({ sourceType: 'INTEGRATED_AGRICULTURE', level: 'COUNTY', amountFen: 0, integratedPool: true })).createFund.fund
    .code;

  await page.goto(`${baseUrl}/#/`);
  await signInAs(page, countyToken);
  await page.getByRole('link', { name: '工作台' }).click();
  await page.getByRole('link', { name: '发布方工作台' }).click();
  await page.getByRole('navigation', { name: '工作台栏目' }).getByRole('link', { name: '资金' }).click();
  const form = page.getByTestId('form-transfer-fund');
  await form.getByLabel('下达资金（代码）').fill(giver);
  await form.getByLabel('接收资金（代码）').fill(pool);
  await form.getByLabel(/^金额/).fill('4000');
  await form.getByLabel('发生日期').fill(beijingDay());
  await form.getByRole('button', { name: '下达' }).click();
  await form.getByTestId('form-done').waitFor();

  await page.goto(`${baseUrl}/#/funds/${encodeURIComponent(giver)}`);
  await page.getByTestId('fund-transfers').getByText(pool).waitFor();
  await page.goto(`${baseUrl}/#/funds/${encodeURIComponent(pool)}`);
  await page.getByTestId('fund-sources').getByText(giver).waitFor();
  assert.ok(
    (await page.getByTestId('fund-composition').getByText('4,000.00').count()) +
      (await page.getByTestId('fund-composition').getByText('4000.00').count()) >
      0,
  );
});
