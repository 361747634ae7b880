// Microcredit and what objections changed, through the web app: a county Publisher records the county's microcredit
// of a year in the Publisher workspace and the county page shows it; the county's Reviewer answers a misuse report
// with its finding, money recovered and measures, and the objection page shows the outcome.
// The xunit browser test mints the tokens (OPENAID_CREDIT_PUBLISHER_TOKEN, OPENAID_CREDIT_REVIEWER_TOKEN) for a county
// (OPENAID_CREDIT_COUNTY); without them, or without the API's recordMicrocredit, it is skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, graphql, schemaHas, sharedBrowser } from './harness.mjs';
import { signInAs, signOut } from './signin.mjs';

const env = process.env;
const county = env.OPENAID_CREDIT_COUNTY;
const browser = sharedBrowser();

async function ready(t) {
  if (
    !county ||
    !env.OPENAID_CREDIT_PUBLISHER_TOKEN ||
    !env.OPENAID_CREDIT_REVIEWER_TOKEN ||
    !(await schemaHas('Mutation', 'recordMicrocredit'))
  ) {
    t.skip('needs recordMicrocredit in the API and OPENAID_CREDIT_COUNTY, OPENAID_CREDIT_PUBLISHER_TOKEN, OPENAID_CREDIT_REVIEWER_TOKEN');
    return false;
  }
  return true;
}

test('a county Publisher records microcredit through the form and the county page shows it by year', async (t) => {
  if (!(await ready(t))) return;
  // A year before the demo data's: a second record of a year is a correction and needs its reason.
  const year = 2012;
  const { region } = await graphql('query($c: String!) { region(code: $c) { microcredit(year: 2012) { year } } }', { c: county });
  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/work/publisher/exits`);
  await signInAs(page, env.OPENAID_CREDIT_PUBLISHER_TOKEN);
  const form = page.getByTestId('form-microcredit');
  await form.waitFor();
  await form.getByLabel('县代码（6 位）').fill(county);
  await form.getByLabel('年度').fill(String(year));
  await form.getByLabel('当年放贷笔数').fill('1234');
  await form.getByLabel('当年放贷金额').fill('52000000');
  await form.getByLabel('年末贷款余额').fill('80000000');
  // Refused by the API: the overdue part cannot exceed the balance; what was typed stays.
  await form.getByLabel('逾期金额').fill('90000000');
  await form.getByLabel('当年贴息金额').fill('3200000');
  await form.getByLabel('风险补偿金规模').fill('10000000');
  if (region.microcredit) await form.getByLabel('更正原因').fill('与合作银行对账后更正。');
  await form.getByRole('button', { name: '发布小额信贷数据' }).click();
  await form.getByText('逾期金额是贷款余额的一部分，不能超过余额。').first().waitFor();
  assert.equal(await form.getByLabel('当年放贷笔数').inputValue(), '1234');

  await form.getByLabel('逾期金额').fill('400000.50');
  await form.getByRole('button', { name: '发布小额信贷数据' }).click();
  const done = await form.getByTestId('form-done').textContent();
  assert.match(done, new RegExp(`XD-${county}-${year}-\\d+`));

  await page.goto(`${baseUrl}/#/villages/${county}`);
  const row = page.getByTestId('region-microcredit').locator(`tr[data-year="${year}"]`);
  await row.waitFor();
  const text = await row.textContent();
  assert.match(text, /1,234/);
  assert.match(text, /400,000\.50/);
  assert.match(text, /0\.50%/);
  await screenshot('microcredit-county');
  assert.deepEqual(consoleErrors, []);
});

test('a county Reviewer answers a misuse report with what it changed and the objection page shows it', async (t) => {
  if (!(await ready(t))) return;
  // Filed and taken up through the API, as a citizen and the Reviewer would; answered in the workspace.
  const { fileObjection } = await graphql(
    'mutation($i: FileObjectionInput!) { fileObjection(input: $i) { objection { code } errors { code } } }',
    { i: { region: county, category: 'WITHHOLDING', description: '到户产业补助资金被截留，部分农户至今未收到。' } },
  );
  const code = fileObjection.objection.code;
  await graphql(
    'mutation($i: StartInvestigationInput!) { startInvestigation(input: $i) { errors { code } } }',
    { i: { objection: code } },
    env.OPENAID_CREDIT_REVIEWER_TOKEN,
  );

  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/work/reviewer`);
  await signInAs(page, env.OPENAID_CREDIT_REVIEWER_TOKEN);
  const item = page.locator(`[data-testid="queued-objection"][data-code="${code}"]`);
  await item.waitFor();
  await item.getByLabel('答复（公开）').fill('经核查，反映情况属实，截留资金已全部追回并发放到户，相关责任人已移送县纪委监委。');
  const outcome = item.getByTestId('answer-outcome');
  await outcome.getByLabel('核查结论').selectOption('UPHELD');
  await outcome.getByLabel('追回资金（元）', { exact: true }).fill('12345.60');
  await outcome.getByLabel('追回资金', { exact: true }).check();
  await outcome.getByLabel('移送处理', { exact: true }).check();
  await item.getByRole('button', { name: '发布答复' }).click();
  await page.getByTestId('objection-done').waitFor();

  await signOut(page);
  await page.goto(`${baseUrl}/#/objections/${encodeURIComponent(code)}`);
  const shown = page.getByTestId('objection-outcome');
  await shown.waitFor();
  assert.equal((await shown.getByTestId('objection-finding').textContent()).trim(), '属实');
  assert.match(await shown.getByTestId('objection-money').textContent(), /12,345\.60/);
  assert.equal((await shown.getByTestId('objection-measures').textContent()).trim(), '追回资金、移送处理');
  await screenshot('objection-outcome');

  const { objection } = await graphql('query($c: String!) { objection(code: $c) { finding moneyRecovered { fen } measures } }', {
    c: code,
  });
  assert.deepEqual(objection, { finding: 'UPHELD', moneyRecovered: { fen: 1_234_560 }, measures: ['RECOVERY', 'REFERRAL'] });
  assert.deepEqual(consoleErrors, []);
});
