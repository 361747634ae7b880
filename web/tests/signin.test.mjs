// Development sign-in through the web app: the header's "sign in as" picker lists the people the local signer knows
// (GET /dev/users) with their roles, regions and organisations; choosing one signs in (POST /dev/sign-in), the header
// words their grants in the page's language, and the workspace acts for the grant of its role. In a deployment that
// does not sign in with development tokens the picker is not there and /dev/users is never asked. Needs the demo
// data's people (dev-county-publisher …); without development sign-in on the server the tests skip themselves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seriousViolations } from './axe.mjs';
import { baseUrl, openBrowser } from './harness.mjs';
import { signInAs, signOut } from './signin.mjs';

const seeded = ['dev-county-publisher', 'dev-township-publisher', 'dev-village-publisher', 'dev-reviewer', 'dev-donor-enterprise', 'dev-donor-ngo', 'dev-auditor', 'dev-admin'];
const zhRole = { Publisher: '发布方', Reviewer: '审核人员', Donor: '认捐方', Auditor: '审计人员', Admin: '管理员' };
const enRole = { Publisher: 'Publisher', Reviewer: 'Reviewer', Donor: 'Donor', Auditor: 'Auditor', Admin: 'Administrator' };

let browser;
let people = null;
before(async () => {
  browser = await openBrowser();
  const config = await (await fetch(`${baseUrl}/config/sign-in`)).json();
  const users = await fetch(`${baseUrl}/dev/users`);
  if (config.mode === 'development' && users.ok) {
    const listed = await users.json();
    if (seeded.every((s) => listed.some((u) => u.subject === s))) people = new Map(listed.map((u) => [u.subject, u]));
  }
});
after(async () => {
  await browser?.close();
});

function ready(t) {
  if (!people) t.skip('needs development sign-in and the demo data\'s people (dev-county-publisher …)');
  return people !== null;
}

/** How the page words a grant: role · region (nationwide without one) · organisation. */
function worded(grant, roles, nationwide) {
  return [roles[grant.role], grant.regionName ?? nationwide, grant.organizationName].filter(Boolean).join(' · ');
}

/** Answers /config/sign-in with another mode and records every request for /dev/users. */
async function inMode(page, mode, asked) {
  await page.route(`${baseUrl}/config/sign-in`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ mode }) }));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/dev/')) asked.push(request.url());
  });
}

test('the picker lists the seeded people with their roles, regions and organisations, and works from the keyboard', async (t) => {
  if (!ready(t)) return;
  const { page, consoleErrors, screenshot } = browser;
  const asked = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/dev/users') asked.push(request.url());
  });
  await page.goto(`${baseUrl}/#/`);
  const open = page.locator('.site-header').getByRole('button', { name: '登录' });
  await open.waitFor();
  assert.equal(asked.length, 0, 'the list is read only when someone opens the picker');

  await open.click();
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  const picker = page.getByTestId('sign-in-picker');
  await picker.waitFor();
  for (const subject of seeded) {
    const person = people.get(subject);
    const text = await picker.locator(`button[data-subject="${subject}"]`).innerText();
    assert.ok(text.includes(person.name), `${subject}: ${text}`);
    for (const grant of person.grants) assert.ok(text.includes(worded(grant, zhRole, '全国')), `${subject}: ${text}`);
  }
  // The region and organisation by name, e.g. the county publisher's county and its poverty office.
  const county = people.get('dev-county-publisher').grants[0];
  assert.ok(county.regionName && county.organizationName);
  assert.ok((await picker.getByRole('button', { name: new RegExp(`黄志强.*发布方 · ${county.regionName} · ${county.organizationName}`) }).count()) === 1);

  // The token form is folded away; the focus is on the first person; Escape closes and goes back to the button.
  assert.equal(await page.getByTestId('sign-in-token').getAttribute('open'), null);
  assert.equal(await page.locator('#sign-in-token').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-subject')), people.keys().next().value);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot('sign-in-picker');
  await page.keyboard.press('Escape');
  await page.getByTestId('sign-in-panel').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '登录');

  // From the keyboard alone: open, go down to the reviewer, sign in.
  await page.keyboard.press('Enter');
  await picker.waitFor();
  const reviewerAt = [...people.keys()].indexOf('dev-reviewer');
  for (let i = 0; i < reviewerAt; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-subject')), 'dev-reviewer');
  await page.keyboard.press('Enter');
  const signedIn = page.getByTestId('signed-in');
  await signedIn.waitFor();
  assert.match(await signedIn.innerText(), /李明/);
  assert.match(await signedIn.innerText(), /审核人员/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'signed-in', 'the focus lands on who is signed in');
  await signOut(page);
  assert.deepEqual(consoleErrors, []);
});

test('signed in as the county publisher: name and Chinese role in the header, their county in the Publisher workspace, English words, sign-out', async (t) => {
  if (!ready(t)) return;
  const { page, consoleErrors, screenshot } = browser;
  const person = people.get('dev-county-publisher');
  const [grant] = person.grants;
  await page.goto(`${baseUrl}/#/`);
  await signInAs(page, 'dev-county-publisher');

  const header = page.getByTestId('signed-in');
  assert.equal(await header.getByTestId('signed-in-name').innerText(), person.name);
  assert.deepEqual(await header.locator('[data-testid="signed-in-grants"] li').allInnerTexts(), [worded(grant, zhRole, '全国')]);
  assert.doesNotMatch(await header.innerText(), /Publisher/);
  await screenshot('signed-in-publisher');

  await page.getByRole('link', { name: '工作台' }).click();
  await page.getByRole('link', { name: '发布方工作台' }).click();
  const workspace = page.getByTestId('publisher-workspace');
  await page.getByTestId('publisher-queue').waitFor();
  const line = await workspace.locator('p.muted').first().innerText();
  assert.ok(line.includes(grant.region) && line.includes(grant.regionName) && line.includes(grant.organization), line);
  assert.equal(await page.getByTestId('acting-as').count(), 0, 'one Publisher grant: nothing to choose');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Publisher workspace' }).waitFor();
  assert.deepEqual(await header.locator('[data-testid="signed-in-grants"] li').allInnerTexts(), [worded(grant, enRole, 'nationwide')]);
  assert.doesNotMatch(await header.innerText(), /发布方/);
  await screenshot('signed-in-publisher-en');

  await header.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('.site-header').getByRole('button', { name: 'Sign in' }).waitFor();
  assert.equal(await page.getByTestId('signed-in').count(), 0);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('openaid.token')), null, 'no token is left in the tab');
  await page.getByRole('button', { name: '中文' }).click();
  await page.locator('.site-header').getByRole('button', { name: '登录' }).waitFor();
  assert.deepEqual(consoleErrors, []);
});

test('a person with two Publisher grants chooses which one the workspace acts for; the header lists both', async (t) => {
  if (!ready(t)) return;
  const { page, consoleErrors } = browser;
  // The county's and the township's Publisher grants of the demo people, given to one person by the Admin.
  const first = people.get('dev-county-publisher').grants[0];
  const second = people.get('dev-township-publisher').grants[0];
  const subject = 'browser-two-publisher-grants';
  const { token } = await (await fetch(`${baseUrl}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'dev-admin' }) })).json();
  for (const g of [first, second]) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { errors { code } } }',
        variables: { input: { person: subject, personName: '蒙晓燕', role: 'PUBLISHER', region: g.region, organization: g.organization, reason: '浏览器测试：两个辖区的发布方。' } },
      }),
    });
    const body = await response.json();
    assert.deepEqual(body.errors ?? body.data.grantRole.errors.filter((e) => e.code !== 'GRANT_HELD'), []);
  }

  await page.goto(`${baseUrl}/#/work/publisher`);
  await signInAs(page, subject);
  const header = page.getByTestId('signed-in');
  const grants = await header.locator('[data-testid="signed-in-grants"] li').allInnerTexts();
  assert.ok(grants.includes(worded(first, zhRole, '全国')) && grants.includes(worded(second, zhRole, '全国')), grants.join(' | '));

  const workspace = page.getByTestId('publisher-workspace');
  await page.getByTestId('publisher-queue').waitFor();
  const choice = page.getByLabel('办理身份');
  const line = () => workspace.locator('p.muted').first().innerText();
  assert.ok((await line()).includes(first.organization), 'the first grant by default');
  await choice.selectOption({ label: worded(second, zhRole, '全国') });
  await page.waitForFunction((code) => document.querySelector('[data-testid="publisher-workspace"] p.muted')?.textContent?.includes(code), second.region);
  assert.ok((await line()).includes(second.organization));
  // Other tabs keep acting for the chosen grant.
  await page.getByRole('navigation', { name: '工作台栏目' }).getByRole('link', { name: '资金' }).click();
  assert.ok((await line()).includes(second.region));
  await signOut(page);
  assert.deepEqual(consoleErrors, []);
});

test('an error reading the people is worded in the page from its status, and trying again loads them', async (t) => {
  if (!ready(t)) return;
  const { page } = browser;
  await page.route(`${baseUrl}/dev/users`, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"Service Unavailable"}' }));
  await page.goto(`${baseUrl}/#/`);
  await page.locator('.site-header').getByRole('button', { name: '登录' }).click();
  const error = page.getByTestId('sign-in-picker-error');
  await error.waitFor();
  assert.match(await error.innerText(), /无法读取用户列表（HTTP 503）/);
  assert.doesNotMatch(await error.innerText(), /Unavailable/);
  await page.unroute(`${baseUrl}/dev/users`);
  await error.getByRole('button', { name: '重试' }).click();
  await page.getByTestId('sign-in-picker').waitFor();
  await page.keyboard.press('Escape');
});

test('in a read-only deployment there is no picker and /dev/users is never asked', async () => {
  const { page } = browser;
  const asked = [];
  await inMode(page, 'none', asked);
  // A fresh load: the app reads its sign-in configuration once.
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#/work`);
  await page.getByTestId('read-only').waitFor();
  assert.equal(await page.locator('.site-header').getByRole('button', { name: '登录' }).count(), 0);
  assert.equal(await page.getByTestId('sign-in-picker').count(), 0);
  await page.goto(`${baseUrl}/#/needs`);
  await page.locator('main h1').first().waitFor();
  assert.deepEqual(asked, []);
  await page.unroute(`${baseUrl}/config/sign-in`);
});
