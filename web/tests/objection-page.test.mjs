// A citizen reports a misuse of funds on a village page, without a notice; the reviewer of the county answers it;
// the citizen finds it again by its code (typed in lower case) and through its citable link /y/<code>, with the
// public answer, the unit that answered and how long it took. An unknown code says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asUser } from './fixtures.mjs';
import { baseUrl, graphql, sharedBrowser } from './harness.mjs';

const browser = sharedBrowser();

test('a misuse report filed on a village page is found by its code and its link, with its answer', async () => {
  const { page } = browser;
  // A village of the county the development reviewer answers for.
  const users = await (await fetch(`${baseUrl}/dev/users`)).json();
  const county = users.find((u) => u.subject === 'dev-reviewer').grants[0].region;
  const { regions } = await graphql('query($r: String!) { regions(region: $r, level: VILLAGE, first: 1) { nodes { shortCode name } } }', { r: county });
  const village = regions.nodes[0];

  await page.goto(`${baseUrl}/#/villages/${village.shortCode}`);
  const form = page.getByTestId('objection-form');
  await form.getByLabel('问题类型').selectOption({ index: 1 });
  await form.getByLabel('具体情况').fill('村里道路硬化项目已付款，但路面至今没有施工。');
  await form.getByRole('button', { name: '提交异议' }).click();
  const filed = form.getByTestId('objection-filed');
  await filed.waitFor();
  const code = await filed.getByRole('link').textContent();
  await filed.getByRole('link').click();
  const report = page.locator(`[data-testid="objection-page"][data-code="${code}"]`);
  await report.waitFor();
  assert.equal(await report.getAttribute('data-status'), 'RECEIVED');
  assert.match(await report.textContent(), /不针对具体公告/);
  assert.match(await report.textContent(), /办理中/);

  // The county's reviewer investigates and answers, publicly.
  const reviewer = await asUser('dev-reviewer');
  const answer = '经核查，该项目因雨季推迟施工，已督促施工单位于下月开工。';
  for (const [mutation, input] of [
    ['startInvestigation', { objection: code }],
    ['answerObjection', { objection: code, answer }],
  ]) {
    const type = mutation[0].toUpperCase() + mutation.slice(1);
    const data = await reviewer(`mutation($input: ${type}Input!) { ${mutation}(input: $input) { errors { code message } } }`, { input });
    assert.deepEqual(data[mutation].errors, []);
  }
  const expected = (await graphql('query($c: String!) { objection(code: $c) { answeredBy daysToRespond } }', { c: code })).objection;

  // Found again by its code, typed carelessly, on a later visit.
  await page.goto(`${baseUrl}/#/objections`);
  await page.reload();
  await page.getByLabel('编号').fill(` ${code.toLowerCase()} `);
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator(`[data-testid="objection-page"][data-code="${code}"][data-status="ANSWERED"]`).waitFor();
  assert.equal(await page.getByTestId('objection-answer').textContent(), answer);
  assert.match(await page.getByTestId('objection-page').textContent(), new RegExp(expected.answeredBy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await page.title(), `举报 ${code} · OpenAid 公开扶贫`);

  // …and by its citable link.
  await page.goto(`${baseUrl}/y/${code}`);
  await page.waitForURL(new RegExp(`#/objections/${code}$`));
  await page.getByTestId('objection-answer').waitFor();

  await page.goto(`${baseUrl}/#/objections/YY-000000-0000-0000`);
  await page.getByTestId('not-found').waitFor();
});
