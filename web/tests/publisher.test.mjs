// The Publisher workspace (#/work/publisher), through the web app only: a county official creates a fund, drafts a
// notice about it (a refused draft keeps what was typed), previews the lateness and notice-period checks, publishes
// it and finds it on the public notice page; a village officer registers a need and submits it for review.
// The xunit browser test mints the tokens (OPENAID_PUBLISHER_COUNTY_TOKEN, OPENAID_PUBLISHER_VILLAGE_TOKEN) and names
// the village (OPENAID_PUBLISHER_VILLAGE); without them, or without the API's noticePublicationCheck, it is skipped.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, beijingDay, graphql, openBrowser, schemaHas } from './harness.mjs';
import { signInAs } from './signin.mjs';

const countyToken = process.env.OPENAID_PUBLISHER_COUNTY_TOKEN;
const villageToken = process.env.OPENAID_PUBLISHER_VILLAGE_TOKEN;
const village = process.env.OPENAID_PUBLISHER_VILLAGE;

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

async function ready(t) {
  if (!countyToken || !villageToken || !village || !(await schemaHas('Query', 'noticePublicationCheck'))) {
    t.skip('needs noticePublicationCheck in the API and OPENAID_PUBLISHER_COUNTY_TOKEN/_VILLAGE_TOKEN, OPENAID_PUBLISHER_VILLAGE');
    return false;
  }
  return true;
}

test('a county official drafts, previews and publishes a fund notice, which then appears on the public notice page', async (t) => {
  if (!(await ready(t))) return;
  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/`);
  assert.equal(await page.getByRole('link', { name: '工作台' }).count(), 0, 'no workspace entry before signing in');
  await signInAs(page, countyToken);
  await page.getByRole('link', { name: '工作台' }).click();
  await page.getByRole('link', { name: '发布方工作台' }).click();
  await page.getByTestId('publisher-queue').waitFor();

  // A fund, through the workspace: the amount is typed in yuan and sent in fen.
  await page.getByRole('navigation', { name: '工作台栏目' }).getByRole('link', { name: '资金' }).click();
  const fundForm = page.getByTestId('form-create-fund');
  const stamp = Date.now();
  await fundForm.getByLabel('资金名称').fill(`县级财政专项扶贫资金（浏览器测试 ${stamp}）`);
  await fundForm.getByLabel('文号').fill(`测财农〔2026〕${stamp}号`);
  await fundForm.getByLabel('资金来源').selectOption('COUNTY_FISCAL');
  await fundForm.getByLabel('资金级别').selectOption('COUNTY');
  await fundForm.getByLabel('财政年度').fill(beijingDay().slice(0, 4));
  await fundForm.getByLabel(/^金额/).fill('12345.67');
  await fundForm.getByLabel('用途').fill('用于贫困村道路硬化。');
  await fundForm.getByLabel('分配决定日期').fill(beijingDay(-30));
  await fundForm.getByRole('button', { name: '新建资金' }).click();
  const fundCode = (await fundForm.getByTestId('form-done').textContent()).match(/ZJ-[\d-]+/)?.[0];
  assert.ok(fundCode, 'the new fund shows its code');
  const fund = await graphql('query($c: String!) { fund(code: $c) { amount { fen } } }', { c: fundCode });
  assert.equal(fund.fund.amount.fen, 1_234_567, 'yuan typed, fen sent');

  // A draft with a mobile number as the supervision line: the API refuses it, the summary takes the focus, and
  // everything typed is still there.
  await page.getByRole('navigation', { name: '工作台栏目' }).getByRole('link', { name: '公告公示' }).click();
  const draft = page.getByTestId('form-draft-notice');
  const title = `关于县级财政专项扶贫资金分配的公告（浏览器测试 ${stamp}）`;
  await draft.getByLabel('公告类型').selectOption('FUND');
  await draft.getByLabel('标题').fill(title);
  await draft.getByLabel('正文').fill('经研究，资金分配如下，现予公告。');
  await draft.getByLabel('决定日期').fill(beijingDay(-30));
  await draft.getByLabel('本地监督电话').fill('13812345678');
  await draft.getByLabel('涉及的资金编号').fill(fundCode);
  await draft.getByRole('button', { name: '保存草稿' }).click();
  const summary = draft.getByTestId('form-errors');
  await summary.waitFor();
  assert.ok(await summary.evaluate((e) => e === document.activeElement), 'the error summary has the focus');
  assert.equal(await draft.getByLabel('本地监督电话').getAttribute('aria-invalid'), 'true');
  assert.equal(await draft.getByLabel('标题').inputValue(), title, 'what was typed is kept');
  assert.equal(await draft.getByLabel('涉及的资金编号').inputValue(), fundCode);

  await draft.getByLabel('本地监督电话').fill('0776-7612317');
  await draft.getByRole('button', { name: '保存草稿' }).click();

  // The preview: the checks publishNotice would apply today.
  const preview = page.getByTestId('draft-preview');
  await preview.waitFor();
  const code = decodeURIComponent(new URL(page.url()).hash.split('/').pop());
  assert.match(code, /^CG-/);
  assert.ok((await preview.textContent()).includes(title));
  const lateness = await page.getByTestId('check-lateness').textContent();
  assert.match(await page.getByTestId('check-period').textContent(), /长期公开/, 'a county notice has no notice period');
  await screenshot('publisher-preview');

  // The draft waits in the queue until it is published.
  await page.getByRole('navigation', { name: '工作台栏目' }).getByRole('link', { name: '待办' }).click();
  await page.getByTestId('queue-drafts').getByText(code).waitFor();
  await page.getByTestId('queue-drafts').getByRole('link', { name: title }).click();
  await page.getByTestId('draft-preview').getByRole('button', { name: '今天发布' }).click();
  const published = page.getByTestId('notice-published');
  await published.waitFor();
  const number = (await published.textContent()).match(/GS-[\d-]+/)?.[0];
  assert.ok(number, 'publishing gives the notice number');

  // What publishing recorded is what the preview said.
  const notice = (await graphql('query($c: String!) { notice(code: $c) { isLate workingDaysLate } }', { c: number })).notice;
  assert.equal(/逾期/.test(lateness), notice.isLate, lateness);
  if (notice.isLate) assert.ok(lateness.includes(String(notice.workingDaysLate)), lateness);

  await published.getByRole('link', { name: number }).click();
  await page.getByRole('heading', { name: title }).waitFor();
  assert.deepEqual(consoleErrors, []);
});

test('a village officer registers a need and submits it, and it then waits for review', async (t) => {
  if (!(await ready(t))) return;
  const { page, consoleErrors, screenshot } = browser;
  await page.goto(`${baseUrl}/#/work/publisher/needs`);
  await signInAs(page, villageToken);
  const form = page.getByTestId('form-register-need');
  await form.waitFor();
  const title = `村小学课桌椅更新（浏览器测试 ${Date.now()}）`;

  // Nothing typed but the title: the form says what is missing before sending anything, and keeps the title.
  await form.getByLabel('标题').fill(title);
  await form.getByRole('button', { name: '登记' }).click();
  await form.getByTestId('form-errors').waitFor();
  assert.match(await form.getByTestId('form-errors').textContent(), /类别/);
  assert.equal(await form.getByLabel('标题').inputValue(), title);

  await form.getByLabel('类别').selectOption('EDUCATION');
  await form.getByLabel('紧急程度').selectOption('NORMAL');
  assert.equal(await form.getByLabel('村或乡镇代码').inputValue(), village, 'the officer\'s village is filled in');
  await form.getByLabel('需求说明').fill('本村小学40套课桌椅老化，需更新。');
  await form.getByLabel(/^金额/).fill('8000');
  await form.getByLabel('认捐截止日期').fill(beijingDay(60));
  await form.getByRole('button', { name: '登记' }).click();
  const done = await form.getByTestId('form-done').textContent();
  const code = done.match(/XQ-[\d-]+/)?.[0];
  assert.ok(code, done);

  const row = page.getByTestId('queue-needs').locator(`[data-code="${code}"]`);
  await row.getByText('草稿').waitFor();
  await row.getByRole('button', { name: '提交审核' }).click();
  await row.waitFor({ state: 'detached' });
  await screenshot('publisher-need');

  await page.goto(`${baseUrl}/#/needs/${encodeURIComponent(code)}`);
  await page.getByTestId('need-status').getByText('待审核').waitFor();
  assert.deepEqual(consoleErrors, []);
});

test('a county official closes a need no pledge is under way on, and is told in Chinese why one with a delivery under way stays open', async () => {
  const { page } = browser;
  const users = await (await fetch(`${baseUrl}/dev/users`)).json();
  const county = users.find((u) => u.subject === 'dev-county-publisher').grants[0].region;
  const { needs } = await graphql('query($r: String!) { needs(region: $r, status: EXPIRED, first: 100) { nodes { code pledges { status } } } }', { r: county });
  const underWay = (n) => n.pledges.some((p) => ['PLEDGED', 'CONFIRMED', 'DELIVERED'].includes(p.status));
  const busy = needs.nodes.find(underWay);
  const free = needs.nodes.find((n) => n.pledges.every((p) => ['COMPLETED', 'CANCELLED', 'LAPSED'].includes(p.status)));
  assert.ok(busy && free, `the demo county ${county} has an expired need with a pledge under way and one without`);

  await page.goto(`${baseUrl}/#/`);
  await signInAs(page, 'dev-county-publisher');
  await page.goto(`${baseUrl}/#/work/publisher/needs`);
  const list = page.getByTestId('closable-needs');
  const refused = list.locator(`li[data-code="${busy.code}"]`);
  await refused.getByRole('button', { name: '关闭需求' }).click();
  await refused.getByRole('alert').waitFor();
  assert.match(await refused.getByRole('alert').textContent(), new RegExp(busy.code));
  assert.doesNotMatch(await refused.getByRole('alert').textContent(), /[A-Za-z]{4,} [a-z]{3,}/, 'no English sentence');

  await list.locator(`li[data-code="${free.code}"]`).getByRole('button', { name: '关闭需求' }).click();
  await list.locator(`li[data-code="${free.code}"]`).waitFor({ state: 'detached' });
  const now = await graphql('query($a: String!, $b: String!) { a: need(code: $a) { status } b: need(code: $b) { status } }', { a: free.code, b: busy.code });
  assert.deepEqual([now.a.status, now.b.status], ['CLOSED', 'EXPIRED']);
});
