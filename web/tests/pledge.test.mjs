// A signed-in donor pledges against an open need on its page, and the need's progress bar moves.
// The demo data's needs are all past their deadline, so the test first registers a need (Publisher) and approves it
// (named Reviewer) through the API. It needs tokens of the local signer, which the xunit browser test mints and
// passes in OPENAID_TOKEN_PUBLISHER, OPENAID_TOKEN_REVIEWER, OPENAID_TOKEN_DONOR with the village in
// OPENAID_NEED_VILLAGE; without them, or without pledge in the API, it is skipped.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, beijingDay, graphql, openBrowser, schemaHas } from './harness.mjs';
import { signInAs } from './signin.mjs';

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

/** A mutation as the holder of the token; returns its payload and fails on any error. */
async function mutate(token, name, inputType, input, selection) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} errors { code message } } }`, variables: { input } }),
  });
  const body = await response.json();
  assert.ok(response.ok && !body.errors?.length, `${name}: ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  const payload = body.data[name];
  assert.deepEqual(payload.errors, [], `${name} was refused`);
  return payload;
}

test('a signed-in donor pledges against an open need and its progress bar moves', async (t) => {
  if (!tokens.publisher || !tokens.reviewer || !tokens.donor || !village || !(await schemaHas('Mutation', 'pledge'))) {
    t.skip('needs pledge in the API and OPENAID_TOKEN_PUBLISHER/_REVIEWER/_DONOR and OPENAID_NEED_VILLAGE');
    return;
  }

  // An open money need of 10,000 yuan.
  const registered = await mutate(tokens.publisher, 'registerNeed', 'RegisterNeedInput', {
    region: village,
    category: 'EDUCATION',
    title: `贫困家庭学生助学金（浏览器测试 ${Date.now()}）`,
    description: '资助本村12名建档立卡贫困家庭在校学生，每人每学期补助。',
    priority: 'NORMAL',
    deadline: beijingDay(60),
    amountFen: 1_000_000,
    submit: true,
  }, 'need { code }');
  const code = registered.need.code;
  await mutate(tokens.reviewer, 'reviewNeed', 'ReviewNeedInput', { need: code, decision: 'APPROVE' }, 'need { status }');

  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/needs/${encodeURIComponent(code)}`);
  await page.getByTestId('need-page').waitFor();
  const bar = page.getByTestId('need-pledged');
  const before = Number(await bar.getAttribute('value'));
  assert.equal(before, 0, 'a new need has nothing pledged');
  assert.equal(await page.getByTestId('pledge-form').count(), 0, 'no pledge form before signing in');

  // Sign in as the donor by pasting the token; the header names the role in Chinese and the donor's organisation.
  await signInAs(page, tokens.donor);
  const signedIn = await page.getByTestId('signed-in').textContent();
  assert.match(signedIn, /认捐方/);
  if (process.env.OPENAID_DONOR_ORG) {
    const { organization } = await graphql('query($c: String!) { organization(code: $c) { name } }', { c: process.env.OPENAID_DONOR_ORG });
    assert.ok(signedIn.includes(organization.name), signedIn);
  }

  // Pledge 3,000 of the 10,000 yuan.
  const form = page.getByTestId('pledge-form');
  await form.waitFor();
  const amount = form.getByLabel('金额（元）');
  assert.equal(await amount.inputValue(), '10000.00', 'the amount defaults to what is left');
  await amount.fill('3000');
  await form.getByRole('button', { name: '提交认捐' }).click();
  await page.getByTestId('pledge-made').waitFor();
  await page.waitForFunction((old) => Number(document.querySelector('[data-testid="need-pledged"]')?.getAttribute('value')) > old, before);
  await screenshot('pledge-made');

  const afterValue = Number(await bar.getAttribute('value'));
  const fromApi = await graphql('query($c: String!) { need(code: $c) { pledged { quantity } requested { quantity } } }', { c: code });
  assert.equal(fromApi.need.pledged.quantity, 300_000, 'the API holds the pledge');
  assert.equal(Number(await bar.getAttribute('data-pledged')), fromApi.need.pledged.quantity, 'the bar shows what the API holds');
  assert.equal(afterValue, Math.round((fromApi.need.pledged.quantity / fromApi.need.requested.quantity) * 1000) / 10);
  assert.ok(afterValue > before);

  // More than is left is refused, and the refusal shows in an error box.
  await amount.fill('8000');
  await form.getByRole('button', { name: '提交认捐' }).click();
  await form.locator('.error-box').waitFor();

  assert.deepEqual(consoleErrors, []);
});
