// Assets and their income, and entitlements, through the web app only: a county Publisher registers an asset of an
// accepted village project and its income of a year in the workspace's forms, then finds both on the project page
// and on the village page, and the county's page sums them; a standard recorded for the county appears on its page
// with the province's demo standards. The xunit browser test mints the county Publisher's token
// (OPENAID_TOKEN_PUBLISHER) and names a village of that county (OPENAID_NEED_VILLAGE); without them, or without the
// API's registerAsset, it is skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, graphql, schemaHas, sharedBrowser } from './harness.mjs';
import { signInAs } from './signin.mjs';

const token = process.env.OPENAID_TOKEN_PUBLISHER;
const village = process.env.OPENAID_NEED_VILLAGE;
const browser = sharedBrowser();

const projectsQuery = `query($county: String!, $status: ProjectStatus!) {
  projects(region: $county, status: $status, first: 100) { nodes { code name actualStart region { shortCode level } } }
}`;

async function ready(t) {
  if (!token || !village || !(await schemaHas('Mutation', 'registerAsset'))) {
    t.skip('needs registerAsset in the API and OPENAID_TOKEN_PUBLISHER, OPENAID_NEED_VILLAGE');
    return false;
  }
  return true;
}

/** A village project of the county that has built something (accepted, else implementing), found through the API. */
async function builtProject(county) {
  for (const status of ['ACCEPTED', 'CLOSED', 'IMPLEMENTING']) {
    const { projects } = await graphql(projectsQuery, { county, status });
    const found = projects.nodes.find((p) => p.region.level === 'VILLAGE' && p.actualStart);
    if (found) return found;
  }
  return null;
}

/** Fills a workspace form's fields, by their labels (a label ending in ' *' is matched exactly). */
async function fill(form, values) {
  for (const [label, value] of Object.entries(values)) {
    const field = form.getByLabel(label, { exact: label.endsWith(' *') });
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

test('a county Publisher registers an asset and its income, which the project, village and county pages show', async (t) => {
  if (!(await ready(t))) return;
  const county = village.slice(0, 6);
  const project = await builtProject(county);
  assert.ok(project, `the demo county ${county} has a village project that has started`);
  const year = new Date().getFullYear() - 1;
  const stamp = Date.now().toString(36);
  const name = `村级光伏电站（浏览器测试 ${stamp}）`;

  const { page, screenshot } = browser;
  await page.goto(`${baseUrl}/#/work/publisher/assets`);
  await signInAs(page, token);
  const register = page.getByTestId('form-register-asset');
  await register.waitFor();
  await fill(register, {
    项目编号: project.code,
    '所有者村代码（12 位）': project.region.shortCode,
    资产名称: name,
    资产类型: 'PHOTOVOLTAIC_STATION',
    '资产价值（元）': '800000',
    持股贫困户数: '45',
    投入使用: project.actualStart,
  });
  await register.getByRole('button', { name: '登记资产' }).click();
  const done = register.getByTestId('form-done');
  await done.waitFor();
  const asset = (await done.textContent()).match(/ZS-[\d-]+/)?.[0];
  assert.ok(asset, 'registering gives the asset code');

  const income = page.getByTestId('form-asset-income');
  await fill(income, {
    资产编号: asset,
    年度: String(Math.max(year, Number(project.actualStart.slice(0, 4)))),
    年收益: '80000',
    分配给村集体: '30000',
    分配给农户: '36000',
    受益户数: '45',
    公益岗位: '8000',
    岗位数: '4',
  });
  await income.getByRole('button', { name: '登记收益' }).click();
  await income.getByTestId('form-done').waitFor();

  // A second income of the same year is refused with its reason in Chinese, and the form keeps what was typed.
  await income.getByRole('button', { name: '登记收益' }).click();
  await income.getByTestId('form-errors').getByText('收益已登记').waitFor();
  await screenshot('asset-income-refused');

  await page.goto(`${baseUrl}/#/projects/${encodeURIComponent(project.code)}`);
  const onProject = page.getByTestId('project-assets').locator(`li[data-code="${asset}"]`);
  await onProject.getByText(name).waitFor();
  assert.match(await onProject.getByTestId(`asset-incomes-${asset}`).textContent(), /80,000\.00/);

  await page.goto(`${baseUrl}/#/villages/${project.region.shortCode}`);
  const onVillage = page.getByTestId('region-assets');
  await onVillage.locator(`li[data-code="${asset}"]`).getByText(name).waitFor();
  await screenshot('asset-income-village');

  // The county's yearly totals sum its villages' incomes: at least this one.
  await page.goto(`${baseUrl}/#/villages/${county}`);
  await page.getByTestId('region-asset-income').waitFor();
  const { region } = await graphql('query($c: String!) { region(code: $c) { assetIncome { year amount { fen } } } }', { c: county });
  assert.ok(
    region.assetIncome.some((y) => y.amount.fen >= 8_000_000),
    'the county sums the new income',
  );
});

test('a standard recorded for the county appears on its page with the province standards', async (t) => {
  if (!(await ready(t))) return;
  const county = village.slice(0, 6);
  const year = new Date().getFullYear() - 1;
  const grade = `D级危房（浏览器测试 ${Date.now().toString(36)}）`;
  const { page } = browser;
  await page.goto(`${baseUrl}/#/work/publisher/assets`);
  await signInAs(page, token);
  const form = page.getByTestId('form-entitlement');
  await form.waitFor();
  await fill(form, {
    地区代码: county,
    年度: String(year),
    '政策 *': 'HOUSING_RENOVATION',
    等级或类别: grade,
    标准: '22000',
    计发单位: 'PER_DWELLING',
    依据文件: '《关于做好农村危房改造工作的通知》（浏览器测试）',
    享受人数: '320',
  });
  await form.getByRole('button', { name: '登记标准' }).click();
  await form.getByTestId('form-done').waitFor();

  await page.goto(`${baseUrl}/#/villages/${county}`);
  const table = page.getByTestId('entitlements');
  await table.getByText(grade).waitFor();
  assert.match(await table.textContent(), /雨露计划/, "the province's standards apply to the county too");
});
