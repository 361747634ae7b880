// The error paths in Chinese: refusals are worded from their code and parameters, not shown as the API's English
// message, and the form keeps what was typed. An objection with a mobile number in it (OPENAID_OPEN_NOTICE, as for
// objection.test.mjs) and a pledge above what is left of a need (OPENAID_TOKEN_PUBLISHER/_REVIEWER/_DONOR and
// OPENAID_NEED_VILLAGE, as for pledge.test.mjs), each skipped without its variables; and a village's exit checks.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, beijingDay, demoYear, graphql, openBrowser, schemaHas } from './harness.mjs';
import { signInAs } from './signin.mjs';

const noticeCode = process.env.OPENAID_OPEN_NOTICE;
const tokens = {
  publisher: process.env.OPENAID_TOKEN_PUBLISHER,
  reviewer: process.env.OPENAID_TOKEN_REVIEWER,
  donor: process.env.OPENAID_TOKEN_DONOR,
};
const village = process.env.OPENAID_NEED_VILLAGE;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * English sentences in the page's text: three or more Latin words in a row. Codes (XQ-451027-2026-0001), names
 * such as OpenAid or GraphiQL, the language switch ("English") and role names from a token stay single words.
 */
async function englishSentences(page) {
  const text = await page.locator('body').innerText();
  return text.split('\n').filter((line) => /\b[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}\b/.test(line));
}

async function mutate(token, name, inputType, input, selection) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} errors { code } } }`, variables: { input } }),
  });
  const body = await response.json();
  assert.ok(response.ok && !body.errors?.length, `${name}: ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  assert.deepEqual(body.data[name].errors, [], `${name} was refused`);
  return body.data[name];
}

test('an objection holding a mobile number is refused in Chinese, naming what to take out', async (t) => {
  if (!noticeCode || !(await schemaHas('Mutation', 'fileObjection'))) {
    t.skip('needs fileObjection in the API and OPENAID_OPEN_NOTICE');
    return;
  }
  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/notices/${encodeURIComponent(noticeCode)}`);
  const form = page.getByTestId('objection-form');
  await form.waitFor();
  const description = '公示的受益户中有两户已迁出本村，请拨打13812345678核实。';
  await form.getByLabel('问题类型').selectOption('WRONG_BENEFICIARIES');
  await form.getByLabel('具体情况').fill(description);
  await form.getByRole('button', { name: '提交异议' }).click();

  const error = form.getByTestId('field-error-description');
  await error.waitFor();
  const worded = await error.textContent();
  assert.match(worded, /手机号码/, worded);
  assert.match(worded, /具体情况/, 'names the field as the form labels it');
  assert.equal(await form.getByLabel('具体情况').inputValue(), description, 'keeps what was typed');
  assert.equal(await form.getByLabel('具体情况').getAttribute('aria-invalid'), 'true');
  await screenshot('errors-zh-objection');
  assert.deepEqual(await englishSentences(page), []);

  // The same refusal in English is worded by the web app too, from the same parameters.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('contains what looks like a mobile phone number').waitFor();
  await page.getByRole('button', { name: '中文' }).click();
  await error.getByText('手机号码', { exact: false }).waitFor();
  assert.deepEqual(consoleErrors, []);
});

test('a pledge above what is left is refused in Chinese with the amount left', async (t) => {
  if (!tokens.publisher || !tokens.reviewer || !tokens.donor || !village || !(await schemaHas('Mutation', 'pledge'))) {
    t.skip('needs pledge in the API and OPENAID_TOKEN_PUBLISHER/_REVIEWER/_DONOR and OPENAID_NEED_VILLAGE');
    return;
  }
  const deadline = beijingDay(60);
  const registered = await mutate(tokens.publisher, 'registerNeed', 'RegisterNeedInput', {
    region: village,
    category: 'EDUCATION',
    title: `贫困家庭学生助学金（错误提示测试 ${Date.now()}）`,
    description: '资助本村建档立卡贫困家庭在校学生，每人每学期补助。',
    priority: 'NORMAL',
    deadline,
    amountFen: 500_000,
    submit: true,
  }, 'need { code }');
  const code = registered.need.code;
  await mutate(tokens.reviewer, 'reviewNeed', 'ReviewNeedInput', { need: code, decision: 'APPROVE' }, 'need { status }');

  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/needs/${encodeURIComponent(code)}`);
  await page.getByTestId('need-page').waitFor();
  if ((await page.getByTestId('signed-in').count()) === 0) await signInAs(page, tokens.donor);

  const form = page.getByTestId('pledge-form');
  await form.waitFor();
  await form.getByLabel('金额（元）').fill('6000');
  await form.getByRole('button', { name: '提交认捐' }).click();
  const box = form.locator('.error-box');
  await box.waitFor();
  const worded = await box.innerText();
  assert.ok(worded.includes(code), worded);
  assert.match(worded, /尚待认捐 ¥5,000\.00，本次认捐 ¥6,000\.00/, worded);
  assert.equal(await form.getByLabel('金额（元）').inputValue(), '6000', 'keeps what was typed');
  await screenshot('errors-zh-pledge');
  assert.deepEqual(await englishSentences(page), []);
  assert.deepEqual(consoleErrors, []);
});

test('exit checks are worded in Chinese from the structured checks, one line per threshold', async () => {
  const year = demoYear(2019);
  const found = await graphql(
    `{ regions(region: "45", level: VILLAGE, povertyStatus: POOR, first: 20) { nodes { shortCode exitAssessment(year: ${year}) { checks { threshold passed } } } } }`,
  );
  const village = found.regions.nodes.find((n) => n.exitAssessment?.checks.some((c) => !c.passed));
  assert.ok(village, `a poor village of Guangxi misses a threshold in ${year}`);
  const { page, consoleErrors } = browser;
  await page.goto(`${baseUrl}/#/villages/${village.shortCode}`);
  await page.locator('#assessment-year').selectOption(String(year));
  const checks = page.getByTestId('exit-checks').locator('li');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="exit-checks"] li').length === n, village.exitAssessment.checks.length);
  for (const [i, check] of village.exitAssessment.checks.entries()) {
    const line = await checks.nth(i).innerText();
    assert.match(line, check.threshold === 'POVERTY_INCIDENCE' ? /^贫困发生率 .*%，标准为不高于 .*%/ : /^村集体经济收入 ¥.*，标准为不低于 ¥/, line);
    // The verdict, then the document the threshold comes from.
    assert.match(line, check.passed ? /— 达标( （|$)/ : /— 未达标( （|$)/, line);
  }
  assert.deepEqual(await englishSentences(page), []);
  assert.deepEqual(consoleErrors, []);
});
