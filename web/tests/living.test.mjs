// A fresh start looks alive: needs open to pledge to and notices in their objection period; lists keep their page in
// the address, so Back returns to it; the home page's needs and notices follow the chosen year.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, beijingDay, graphql, sharedBrowser } from './harness.mjs';

const browser = sharedBrowser();

test('a fresh start has needs open to pledge to and notices still in their objection period', async () => {
  const { page, screenshot } = browser;
  const today = beijingDay();
  const { openNeeds, notices } = await graphql('{ openNeeds(first: 1) { totalCount } notices(first: 100) { nodes { code status noticePeriodEndsOn } } }');
  const inPeriod = notices.nodes.filter((n) => n.status === 'PUBLISHED' && n.noticePeriodEndsOn >= today);
  assert.ok(openNeeds.totalCount >= 20, `${openNeeds.totalCount} needs open`);
  assert.ok(inPeriod.length >= 5, `${inPeriod.length} of the newest notices in their period`);

  await page.goto(`${baseUrl}/#/`);
  await page.locator(`[data-testid="needs-open"]:text-is("${openNeeds.totalCount.toLocaleString('zh-CN')}")`).waitFor();
  await screenshot('living-home');

  // The notices page's first page (the newest 20) marks those a citizen can still object to.
  const shown = notices.nodes.slice(0, 20).filter((n) => inPeriod.includes(n));
  assert.ok(shown.length > 0, 'some of the newest 20 notices are in their period');
  await page.goto(`${baseUrl}/#/notices`);
  const list = page.getByTestId('notice-list');
  await list.locator(`li[data-code="${shown[0].code}"]`).waitFor();
  assert.match(await list.locator(`li[data-code="${shown[0].code}"]`).getByTestId('in-notice-period').textContent(), new RegExp(`公示中，至 ${shown[0].noticePeriodEndsOn}`));
  assert.equal(await list.getByTestId('in-notice-period').count(), shown.length);
});

test('a filtered list keeps its page in the address: page 2 scrolls to the list, and Back from a notice returns to it', async () => {
  const { page, screenshot, consoleErrors } = browser;
  await page.setViewportSize({ width: 1280, height: 700 });
  const page1 = (await graphql('{ notices(region: "45", kind: FUND, first: 20) { nodes { code } pageInfo { endCursor } } }')).notices;
  const page2 = (await graphql('query($a: String) { notices(region: "45", kind: FUND, first: 20, after: $a) { nodes { code } } }', { a: page1.pageInfo.endCursor })).notices;
  const [firstOfPage1, firstOfPage2] = [page1.nodes[0].code, page2.nodes[0].code];
  await page.goto(`${baseUrl}/#/notices?region=45&kind=FUND`);
  const results = page.getByTestId('notice-results');
  const status = page.getByTestId('pager-status');
  await results.locator(`li[data-code="${firstOfPage1}"]`).waitFor();
  await status.getByText('第 1 页').waitFor();

  await page.getByRole('navigation', { name: '翻页' }).getByRole('button', { name: '下一页' }).click();
  await status.getByText('第 2 页').waitFor();
  await results.locator(`li[data-code="${firstOfPage2}"]`).waitFor();
  assert.equal(await results.locator('li').first().getAttribute('data-code'), firstOfPage2);
  const address = new URL(page.url());
  assert.match(address.hash, /^#\/notices\?region=45&kind=FUND&after=/);
  // The list's top is in view, not the pager at its bottom.
  const top = await results.evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 200, `the list starts ${top}px from the top of the window`);

  await results.locator(`li[data-code="${firstOfPage2}"] a`).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => location.hash.startsWith('#/notices/'));
  await page.goBack();
  await status.getByText('第 2 页').waitFor();
  await results.locator(`li[data-code="${firstOfPage2}"]`).first().waitFor();
  assert.equal(await results.locator('li').first().getAttribute('data-code'), firstOfPage2);

  // A shared link opens the same page, and Back once more returns to page 1.
  const shared = page.url();
  await page.goBack();
  await status.getByText('第 1 页').waitFor();
  await results.locator(`li[data-code="${firstOfPage1}"]`).waitFor();
  assert.equal(await results.locator('li').first().getAttribute('data-code'), firstOfPage1);
  await page.goto(shared);
  await status.getByText('第 2 页').waitFor();
  assert.equal(await results.locator('li').first().getAttribute('data-code'), firstOfPage2);
  await screenshot('living-page-2');
  assert.deepEqual(consoleErrors, []);
});

test("the home page's needs and notices follow the chosen year", async () => {
  const { page } = browser;
  await page.goto(`${baseUrl}/#/?region=45`);
  await page.locator('#home-year option').nth(1).waitFor({ state: 'attached' });
  const years = await page.locator('#home-year option').evaluateAll((options) => options.map((o) => o.value));
  const year = years[1] ?? years[0];
  await page.locator('#home-year').selectOption(year);
  await page.getByRole('heading', { name: `${year}年的最新公告` }).waitFor();
  await page.getByRole('heading', { name: `${year}年登记的需求` }).waitFor();
  const expected = await graphql(
    'query($y: Int) { notices(region: "45", year: $y, first: 6) { nodes { code } } needs(region: "45", year: $y, first: 1) { totalCount } }',
    { y: Number(year) },
  );
  await page.waitForFunction(
    (codes) => [...document.querySelectorAll('[data-testid="notice-list"] li')].map((li) => li.dataset.code).join() === codes.join(),
    expected.notices.nodes.map((n) => n.code),
  );
  const publicNeeds = page.getByTestId('needs-summary').locator('.card-value').first();
  await page.waitForFunction(
    ([n]) => document.querySelector('[data-testid="needs-summary"] .card-value')?.textContent === n,
    [expected.needs.totalCount.toLocaleString('zh-CN')],
  );
  assert.equal(await publicNeeds.textContent(), expected.needs.totalCount.toLocaleString('zh-CN'));
});
