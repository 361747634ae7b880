// Exits (出列) through the web app only: a county Publisher proposes the exit of a poor village of the county whose
// figures meet the criteria, follows the EXIT notice it published to the village, whose page shows the exit PROPOSED
// with its checks; and a demo village that exited shows its confirmed exit with a link to its notice.
// The xunit browser test mints the county Publisher's token (OPENAID_EXIT_COUNTY_TOKEN) for a county of the demo data
// that has such a village (OPENAID_EXIT_COUNTY); without them, or without the API's proposeExit, it is skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, demoYear, graphql, schemaHas, sharedBrowser } from './harness.mjs';
import { signInAs } from './signin.mjs';

const countyToken = process.env.OPENAID_EXIT_COUNTY_TOKEN;
const county = process.env.OPENAID_EXIT_COUNTY;
const browser = sharedBrowser();

const villagesQuery = `query($county: String, $status: PovertyStatus!, $year: Int!, $after: String) {
  regions(level: VILLAGE, povertyStatus: $status, region: $county, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { shortCode name exitAssessment(year: $year) { met } exits { code status notice { code title } } }
  }
}`;

/** The first village of a county (or of everywhere) in a poverty status that passes the check, found through the API. */
async function findVillage(region, status, check) {
  let after = null;
  for (;;) {
    const { regions } = await graphql(villagesQuery, { county: region, status, year: demoYear(2020), after });
    const found = regions.nodes.find(check);
    if (found || !regions.pageInfo.hasNextPage) return found ?? null;
    after = regions.pageInfo.endCursor;
  }
}

async function ready(t) {
  if (!countyToken || !county || !(await schemaHas('Mutation', 'proposeExit'))) {
    t.skip('needs proposeExit in the API and OPENAID_EXIT_COUNTY_TOKEN, OPENAID_EXIT_COUNTY');
    return false;
  }
  return true;
}

test('a county Publisher proposes the exit of a village that meets the criteria, and the village page shows it in its notice period', async (t) => {
  if (!(await ready(t))) return;
  const village = await findVillage(county, 'POOR', (v) => v.exitAssessment?.met && !v.exits.some((e) => e.status === 'PROPOSED'));
  assert.ok(
    village,
    `the demo county ${county} has a poor village whose ${demoYear(2020)} figures meet the criteria and whose exit is not under way`,
  );

  const { page, screenshot } = browser;
  await page.goto(`${baseUrl}/#/work/publisher/exits`);
  await signInAs(page, countyToken);
  const form = page.getByTestId('form-propose-exit');
  await form.waitFor();
  assert.equal((await form.getByLabel('验收单位代码').inputValue()) !== '', true, "the Publisher's own unit is filled in as the verifier");
  await form.getByLabel('贫困村或贫困县代码').fill(village.shortCode);
  await form.getByLabel('年度').fill(String(demoYear(2020)));
  await form.getByLabel('责任人职务').fill('县扶贫开发领导小组组长');
  await form.getByLabel('公示天数（10–365）').fill('10');
  await form.getByLabel('监督举报电话').fill('0776-7612317');
  await form.getByRole('button', { name: '提出退出并发布公示' }).click();
  const done = await form.getByTestId('form-done').textContent();
  const exitCode = done.match(/TC-[\d-]+/)?.[0];
  assert.ok(exitCode, done);

  // The exit is listed among those in their notice period, and its notice is linked.
  await page.getByTestId('exits-under-way').locator(`[data-code="${exitCode}"]`).waitFor();
  const proposed = page.getByTestId('exit-proposed');
  const noticeCode = (await proposed.textContent()).match(/GS-[\d-]+/)?.[0];
  assert.ok(noticeCode, 'proposing gives the EXIT notice number');
  await screenshot('exit-proposed');
  await proposed.getByRole('link', { name: noticeCode }).click();
  const noticeExit = page.getByTestId('notice-exit');
  await noticeExit.waitFor();
  assert.match(await noticeExit.textContent(), /公示中/);

  // From the notice to the village: the exit PROPOSED, with the checks stored at proposal, all met.
  await noticeExit.getByRole('link', { name: exitCode }).click();
  const record = page.getByTestId('exits').locator('li[data-status="PROPOSED"]', { hasText: exitCode });
  await record.waitFor();
  assert.match(await record.textContent(), /公示中/);
  assert.equal(await record.getByRole('link', { name: /拟退出|出列/ }).count(), 1, 'the exit links its notice');
  const checks = await record.locator('ul li').allTextContents();
  assert.ok(checks.length > 0, 'the stored checks are shown');
  assert.ok(
    checks.every((c) => c.includes('达标') && !c.includes('未达标')),
    checks.join('\n'),
  );
});

test('a demo village that exited shows its confirmed exit with a link to its notice', async (t) => {
  if (!(await ready(t))) return;
  const village = await findVillage(null, 'EXITED', (v) => v.exits.some((e) => e.status === 'CONFIRMED'));
  assert.ok(village, 'the demo data has a village with a confirmed exit');
  const exit = village.exits.find((e) => e.status === 'CONFIRMED');

  const { page } = browser;
  await page.goto(`${baseUrl}/#/villages/${village.shortCode}`);
  const record = page.getByTestId('exits').locator('li[data-status="CONFIRMED"]', { hasText: exit.code });
  await record.waitFor();
  assert.match(await record.textContent(), /已确认退出/);
  assert.match(await record.textContent(), /确认退出日期/);
  await record.getByRole('link', { name: exit.notice.title }).click();
  await page.getByRole('heading', { name: exit.notice.title }).waitFor();
  assert.match(await page.getByTestId('notice-exit').textContent(), new RegExp(exit.code));
});
