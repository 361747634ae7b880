// The Reviewer, Donor and Auditor workspaces, each role's main flow through the web app. The xunit browser test mints
// the tokens (OPENAID_TOKEN_PUBLISHER/_REVIEWER/_DONOR, OPENAID_TOKEN_VILLAGE: a Publisher of OPENAID_NEED_VILLAGE,
// OPENAID_TOKEN_NOTICE_REVIEWER: the Reviewer of OPENAID_OPEN_NOTICE's county); a test whose tokens are missing skips
// itself. Needs are registered through the API (as the Publisher workspace would) so that the reviewer has a queue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, beijingDay, graphql, openBrowser } from './harness.mjs';
import { signInAs, signOut } from './signin.mjs';

const env = process.env;
const tokens = {
  publisher: env.OPENAID_TOKEN_PUBLISHER,
  reviewer: env.OPENAID_TOKEN_REVIEWER,
  donor: env.OPENAID_TOKEN_DONOR,
  village: env.OPENAID_TOKEN_VILLAGE ?? env.OPENAID_TOKEN_PUBLISHER,
  noticeReviewer: env.OPENAID_TOKEN_NOTICE_REVIEWER,
};

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

async function mutate(token, name, inputType, input, selection) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} errors { code message } } }`, variables: { input } }),
  });
  const body = await response.json();
  assert.ok(response.ok && !body.errors?.length, `${name}: ${JSON.stringify(body.errors ?? body)}`);
  assert.deepEqual(body.data[name].errors, [], `${name} was refused`);
  return body.data[name];
}

/** A money need of the village, submitted for review; returns its code. */
async function submittedNeed(title, amountFen) {
  const payload = await mutate(tokens.publisher, 'registerNeed', 'RegisterNeedInput', {
    region: env.OPENAID_NEED_VILLAGE,
    category: 'EDUCATION',
    title: `${title}（浏览器测试 ${Date.now()}）`,
    description: '资助本村建档立卡贫困家庭在校学生，每人每学期补助。',
    priority: 'HIGH',
    deadline: beijingDay(60),
    amountFen,
    submit: true,
  }, 'need { code }');
  return payload.need.code;
}

test('a reviewer approves a submitted need in the review queue; a refused decision keeps what was typed', async (t) => {
  if (!tokens.publisher || !tokens.reviewer || !env.OPENAID_NEED_VILLAGE) {
    t.skip('needs OPENAID_TOKEN_PUBLISHER/_REVIEWER and OPENAID_NEED_VILLAGE');
    return;
  }
  const code = await submittedNeed('贫困家庭学生助学金', 800_000);
  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/`);
  await signInAs(page, tokens.reviewer);
  await page.getByRole('link', { name: '工作台' }).click();
  await page.getByRole('link', { name: '审核工作台' }).click();
  const item = page.locator(`[data-testid="queued-need"][data-code="${code}"]`);
  await item.waitFor();
  assert.match(await item.getByTestId('need-cap').textContent(), /上限/);

  // A rejection whose reason holds a phone number: the API refuses it, the page says why, the reason stays typed.
  await item.getByLabel('不通过').check();
  const reason = '经核实，该需求与县教育局资助重复，联系13800138000。';
  await item.getByLabel('不通过的理由（公开）').fill(reason);
  await item.getByRole('button', { name: '不予通过' }).click();
  const errors = item.getByTestId('form-errors');
  await errors.waitFor();
  assert.ok(await errors.evaluate((box) => box === document.activeElement), 'the error summary has the focus');
  assert.equal(await item.getByLabel('不通过的理由（公开）').inputValue(), reason);

  await item.getByLabel('通过', { exact: true }).check();
  await item.getByRole('button', { name: '通过审核' }).click();
  await item.waitFor({ state: 'detached' });
  await screenshot('desk-reviewer-approved');
  const { need } = await graphql('query($c: String!) { need(code: $c) { status reviewerName } }', { c: code });
  assert.equal(need.status, 'OPEN');
  assert.match(need.reviewerName, /李明/);
  await signOut(page);
  assert.deepEqual(consoleErrors, []);
});

test('a donor pledges, the village confirms, the donor records a delivery, the village confirms receipt and the scorecard moves', async (t) => {
  if (!tokens.publisher || !tokens.reviewer || !tokens.donor || !env.OPENAID_NEED_VILLAGE || !env.OPENAID_DONOR_ORG) {
    t.skip('needs OPENAID_TOKEN_PUBLISHER/_REVIEWER/_DONOR, OPENAID_NEED_VILLAGE and OPENAID_DONOR_ORG');
    return;
  }
  const code = await submittedNeed('村小学课桌椅', 500_000);
  await mutate(tokens.reviewer, 'reviewNeed', 'ReviewNeedInput', { need: code, decision: 'APPROVE' }, 'need { status }');
  const scorecard = async () =>
    (await graphql('query($o: String!) { organizationScorecard(organization: $o) { total { received moneyReceived { fen yuan } } } }', { o: env.OPENAID_DONOR_ORG }))
      .organizationScorecard.total;
  const before = await scorecard();

  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/needs/${encodeURIComponent(code)}`);
  await signInAs(page, tokens.donor);
  // The whole need, so that it is filled: the pledge still shows its need's code and confirm-by date.
  const form = page.getByTestId('pledge-form');
  await form.getByRole('button', { name: '提交认捐' }).click();
  const made = page.getByTestId('pledge-made');
  await made.waitFor();
  const pledge = (await made.locator('.code').textContent()).trim();
  await page.getByTestId('need-status').filter({ hasText: '已认捐满' }).waitFor();
  assert.equal(await page.getByTestId('pledge-form').count(), 0, 'the filled need takes no more pledges');
  assert.ok((await made.textContent()).includes(pledge), 'the code still shows once the form is gone');

  await page.goto(`${baseUrl}/#/work/donor`);
  const mine = page.locator(`[data-testid="my-pledge"][data-code="${pledge}"]`);
  await mine.waitFor();
  // Suggestions with their reasons come first, as many as the API ranks.
  const suggested = await graphql('query($o: String!) { suggestedNeeds(organization: $o, first: 5) { reasonCode } }', { o: env.OPENAID_DONOR_ORG });
  assert.equal(await page.getByTestId('suggestion-reason').count(), suggested.suggestedNeeds.length);
  assert.equal(await page.locator('main section').first().getAttribute('data-testid'), 'donor-suggestions');
  const { pledge: held } = await graphql('query($c: String!) { pledge(code: $c) { confirmBy need { code status } } }', { c: pledge });
  assert.equal(held.need.status, 'FULLY_PLEDGED');
  assert.ok((await mine.textContent()).includes(code), 'the pledge shows its need code');
  assert.ok((await mine.getByTestId('pledge-confirm-by').textContent()).includes(held.confirmBy));
  assert.equal(await mine.getByTestId('delivery-form').count(), 0, 'no delivery before the village confirms');

  // The village confirms the agreement.
  await signInAs(page, tokens.village);
  await page.goto(`${baseUrl}/#/work/publisher`);
  await page.locator(`[data-testid="pledge-to-agree"][data-code="${pledge}"]`).getByRole('button').click();
  await page.locator(`[data-testid="pledge-to-agree"][data-code="${pledge}"]`).waitFor({ state: 'detached' });

  // The donor records the delivery; without evidence the form refuses, keeping the amount typed.
  await signInAs(page, tokens.donor);
  await page.goto(`${baseUrl}/#/work/donor`);
  const delivery = mine.getByTestId('delivery-form');
  await delivery.waitFor();
  const amount = delivery.getByLabel('金额（元）');
  assert.equal(await amount.inputValue(), '5000.00', 'the amount defaults to what is left to deliver');
  await amount.fill('4999');
  await delivery.getByRole('button', { name: '登记交付' }).click();
  await delivery.getByTestId('form-errors').waitFor();
  assert.equal(await amount.inputValue(), '4999');
  await amount.fill('5000');
  await delivery.getByLabel('交付凭证（公开）').fill('银行转账回单（编号YH20261123001），待村委会核对到账。');
  await delivery.getByRole('button', { name: '登记交付' }).click();
  await mine.getByTestId('pledge-deliveries').waitFor();
  await screenshot('desk-donor-delivered');

  // The village confirms the receipt.
  await signInAs(page, tokens.village);
  await page.goto(`${baseUrl}/#/work/publisher`);
  const toReceive = page.locator(`[data-testid="delivery-to-receive"][data-code="${pledge}"]`);
  await toReceive.getByRole('button').click();
  await toReceive.waitFor({ state: 'detached' });

  // The donor's scorecard moved by the 5,000 yuan received, in the workspace as in the API.
  await signInAs(page, tokens.donor);
  await page.goto(`${baseUrl}/#/work/donor`);
  await mine.getByTestId('pledge-status').filter({ hasText: '已完成' }).waitFor();
  const afterCard = await scorecard();
  assert.equal(afterCard.moneyReceived.fen - before.moneyReceived.fen, 500_000);
  assert.equal(afterCard.received, before.received + 1);
  const shown = await page.getByTestId('scorecard').textContent();
  assert.ok(shown.includes(Number(afterCard.moneyReceived.yuan).toLocaleString('zh-CN', { minimumFractionDigits: 2 })) || shown.includes(afterCard.moneyReceived.yuan), shown);
  assert.ok((await page.getByTestId('donor-helped').textContent()).includes(code), 'the need helped is listed');
  await signOut(page);
  assert.deepEqual(consoleErrors, []);
});

test('a citizen objects, a reviewer investigates and answers in the workspace, and the citizen finds the answer', async (t) => {
  const notice = env.OPENAID_OPEN_NOTICE;
  if (!notice || !tokens.noticeReviewer) {
    t.skip('needs OPENAID_OPEN_NOTICE and OPENAID_TOKEN_NOTICE_REVIEWER');
    return;
  }
  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/notices/${encodeURIComponent(notice)}`);
  await signOut(page);
  const form = page.getByTestId('objection-form');
  await form.getByLabel('问题类型').selectOption('WRONG_BENEFICIARIES');
  await form.getByLabel('具体情况').fill('公示名单中有一户家庭已不在本村居住，请核实。');
  await form.getByLabel('电话').fill('0776-7654321');
  await form.getByRole('button', { name: '提交异议' }).click();
  const filed = page.getByTestId('objection-filed');
  await filed.waitFor();
  const code = (await filed.locator('.code').textContent()).trim();

  await signInAs(page, tokens.noticeReviewer);
  await page.goto(`${baseUrl}/#/work/reviewer`);
  const item = page.locator(`[data-testid="queued-objection"][data-code="${code}"]`);
  await item.waitFor();
  assert.match(await item.textContent(), /答复期限 \d{4}-\d{2}-\d{2}/);
  await item.getByRole('button', { name: '开始调查' }).click();
  await item.getByText('调查中').first().waitFor();
  await item.getByRole('button', { name: '查看投诉人联系方式' }).click();
  assert.match(await item.getByTestId('objection-contact').textContent(), /0776-7654321/);
  const answer = '经核查，该户已于今年迁出，已从名单中删除并重新公示。';
  await item.getByLabel('答复（公开）').fill(answer);
  await item.getByRole('button', { name: '发布答复' }).click();
  await page.getByTestId('objection-done').waitFor();
  await screenshot('desk-reviewer-answered');

  await signOut(page);
  await page.goto(`${baseUrl}/#/notices/${encodeURIComponent(notice)}`);
  const listed = page.locator(`[data-testid="objections"] li[data-code="${code}"]`);
  await listed.waitFor();
  assert.ok((await listed.textContent()).includes(answer), 'the answer shows under the notice');
  assert.deepEqual(consoleErrors, []);
});

test('a reviewer hides an abusive description; the auditor sees the public reason by day, reads the contact and finds the read in the log', async (t) => {
  const notice = env.OPENAID_OPEN_NOTICE;
  if (!notice || !tokens.noticeReviewer || !env.OPENAID_TOKEN_AUDITOR) {
    t.skip('needs OPENAID_OPEN_NOTICE, OPENAID_TOKEN_NOTICE_REVIEWER and OPENAID_TOKEN_AUDITOR');
    return;
  }
  const { page, consoleErrors } = browser;
  await page.goto(`${baseUrl}/#/notices/${encodeURIComponent(notice)}`);
  await signOut(page);
  const form = page.getByTestId('objection-form');
  await form.getByLabel('问题类型').selectOption('WRONG_BENEFICIARIES');
  await form.getByLabel('具体情况').fill('村干部都是骗子，这个公告全是假的！');
  await form.getByLabel('电话').fill('0776-7000001');
  await form.getByRole('button', { name: '提交异议' }).click();
  await page.getByTestId('objection-filed').waitFor();
  const code = (await page.getByTestId('objection-filed').locator('.code').textContent()).trim();

  await signInAs(page, tokens.noticeReviewer);
  await page.goto(`${baseUrl}/#/work/reviewer`);
  const item = page.locator(`[data-testid="queued-objection"][data-code="${code}"]`);
  await item.getByLabel('处理方式').selectOption('hide');
  const reason = '描述含有侮辱性言语，依规隐藏。';
  await item.getByLabel('隐藏的理由（公开）').fill(reason);
  await item.getByRole('button', { name: '隐藏描述' }).click();
  await page.getByTestId('objection-done').waitFor();

  await signInAs(page, env.OPENAID_TOKEN_AUDITOR);
  await page.goto(`${baseUrl}/#/work/auditor`);
  const audited = page.locator(`[data-testid="auditor-objections"] li[data-code="${code}"]`);
  const hidden = audited.getByTestId('hidden-description');
  await hidden.waitFor();
  const { objection } = await graphql('query($c: String!) { objection(code: $c) { descriptionHiddenAt } }', { c: code });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(objection.descriptionHiddenAt));
  const text = await hidden.textContent();
  assert.ok(text.includes(reason) && text.includes(day), text);
  assert.doesNotMatch(text, /\d{1,2}:\d{2}/, 'a day only, no time');

  await audited.getByRole('button', { name: '查看投诉人联系方式' }).click();
  assert.match(await audited.getByTestId('objection-contact').textContent(), /0776-7000001/);
  await audited.getByRole('button', { name: '查阅记录' }).click();
  await audited.getByTestId('contact-reads').getByRole('cell', { name: '审计人员', exact: true }).waitFor();
  await signOut(page);
  assert.deepEqual(consoleErrors, []);
});
