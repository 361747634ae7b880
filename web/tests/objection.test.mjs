// The objection form on a notice in its notice period files an objection that then shows on the notice page.
// Runs when the API has fileObjection and the test run names a notice open for objections (OPENAID_OPEN_NOTICE;
// the xunit browser test publishes one); otherwise it is skipped.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, graphql, openBrowser, schemaHas } from './harness.mjs';

const noticeCode = process.env.OPENAID_OPEN_NOTICE;
let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('an objection filed through the form shows under the notice', async (t) => {
  if (!noticeCode || !(await schemaHas('Mutation', 'fileObjection'))) {
    t.skip('needs fileObjection in the API and OPENAID_OPEN_NOTICE');
    return;
  }
  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/notices/${encodeURIComponent(noticeCode)}`);
  const form = page.getByTestId('objection-form');
  await form.waitFor();
  await form.getByLabel('问题类型').selectOption('WRONG_BENEFICIARIES');
  await form.getByLabel('具体情况').fill('公示的受益户中有两户已于去年迁出本村，请核实。');
  await form.getByLabel('电话').fill('0776-1234567');
  await form.getByRole('button', { name: '提交异议' }).click();

  const filed = page.getByTestId('objection-filed');
  await filed.waitFor();
  const code = (await filed.locator('.code').textContent()).trim();
  await page.locator(`[data-testid="objections"] li[data-code="${code}"]`).waitFor();
  await screenshot('objection-filed');

  const listed = await graphql('query($n: String!) { objections(notice: $n, first: 50) { nodes { code description } } }', { n: noticeCode });
  assert.ok(listed.objections.nodes.some((o) => o.code === code), `GraphQL lists ${code}`);
  assert.deepEqual(consoleErrors, []);
});
