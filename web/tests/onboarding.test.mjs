// Onboarding through the web app only, in Chinese: an Admin registers an enterprise (a mistyped credit code is
// refused and what was typed stays) and grants its officer the Donor role; the enterprise applies to 粤桂扶贫协作 and
// to a program the Admin created; the Admin approves both, removes it from the new one and creates a pairing, which
// ends; the enterprise leaves 粤桂扶贫协作; the grant is revoked. Then the Admin asks for the enterprise's description
// to be erased under the law, and an Auditor (another person) performs it, and declines a second request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seriousViolations } from './axe.mjs';
import { asUser } from './fixtures.mjs';
import { baseUrl, beijingDay, graphql, sharedBrowser } from './harness.mjs';
import { signInAs } from './signin.mjs';

const browser = sharedBrowser();

// A unified social credit code (GB 32100-2015) with its check character: unique per run.
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(first17) {
  const sum = [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}
const stamp = String(Date.now()).slice(-9);
const code = creditCode(`91440101${stamp}`);
const mistyped = code.slice(0, 17) + alphabet[(alphabet.indexOf(code[17]) + 1) % 31];
const name = `广州测试${stamp}科技有限公司`;
const officer = `browser-enterprise-${stamp}`;
const programCode = `T${stamp.slice(-6)}`;

async function open(path) {
  await browser.page.goto(`${baseUrl}/#${path}`);
}

const form = (id) => browser.page.getByTestId(`form-${id}`);

async function submit(id) {
  await form(id).locator('button[type="submit"]').click();
}

async function done(id) {
  const line = form(id).getByTestId('form-done');
  await line.waitFor();
  return line.textContent();
}

let organization;

test('an admin registers an enterprise, it applies to 粤桂扶贫协作 and is approved, and a pairing is created', async () => {
  const { page } = browser;
  await open('/');
  await signInAs(page, 'dev-admin');
  await open('/work/admin/organizations');
  const register = form('register-organization');
  await register.locator('#register-organization-kind').selectOption('PRIVATE_ENTERPRISE');
  await register.locator('#register-organization-name').fill(name);
  await register.locator('#register-organization-creditCode').fill(mistyped);
  await register.locator('#register-organization-description').fill('生产农产品加工设备，参与粤桂扶贫协作。');
  await register.locator('#register-organization-region').fill('4401');
  await submit('register-organization');
  const refusal = register.getByRole('alert');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /统一社会信用代码/);
  assert.doesNotMatch(await refusal.textContent(), /[A-Za-z]{4,} [a-z]{3,}/, 'no English sentence');
  assert.equal(await register.locator('#register-organization-name').inputValue(), name, 'what was typed stays');
  assert.equal((await graphql('query($s: String) { organizations(search: $s, first: 1) { totalCount } }', { s: name })).organizations.totalCount, 0);

  await register.locator('#register-organization-creditCode').fill(code);
  await submit('register-organization');
  organization = /ORG-\d+/.exec(await done('register-organization'))[0];
  const registered = await graphql('query($c: String!) { organization(code: $c) { name creditCode region { shortCode } } }', { c: organization });
  assert.deepEqual(registered.organization, { name, creditCode: code, region: { shortCode: '4401' } });

  // Its officer gets the Donor role for it.
  await open('/work/admin/grants');
  const grant = form('grant-role');
  await grant.locator('#grant-role-person').fill(officer);
  await grant.locator('#grant-role-personName').fill('张经理');
  await grant.locator('#grant-role-role').selectOption('DONOR');
  await grant.locator('#grant-role-organization').fill(organization);
  await grant.locator('#grant-role-reason').fill('企业报名参加粤桂扶贫协作，指定其对接人。');
  await submit('grant-role');
  await done('grant-role');

  // The Admin creates a program of its own for this run.
  await open('/work/admin/programs');
  const program = form('create-program');
  await program.locator('#create-program-code').fill(programCode);
  await program.locator('#create-program-name').fill(`测试帮扶行动${stamp}`);
  await program.locator('#create-program-kind').selectOption('ENTERPRISE_CAMPAIGN');
  await program.locator('#create-program-description').fill('浏览器测试创建的企业帮扶行动。');
  await program.locator('#create-program-startYear').fill('2020');
  await submit('create-program');
  await done('create-program');

  // The enterprise applies, as its officer, to both.
  await signInAs(page, officer);
  await open('/work/donor');
  const apply = form('apply-to-program');
  await apply.locator('#apply-to-program-program').selectOption('YGXZ');
  await submit('apply-to-program');
  await apply.getByRole('alert').waitFor();
  assert.match(await apply.getByRole('alert').textContent(), /参与打算/, 'a required field is checked before sending');
  await apply.locator('#apply-to-program-motivation').fill('捐赠加工设备，吸纳脱贫劳动力就业。');
  await submit('apply-to-program');
  await done('apply-to-program');
  await page.locator('[data-testid="donor-applications"] li[data-program="YGXZ"][data-status="PENDING"]').waitFor();
  // Applying again while the application waits is refused, in Chinese.
  await apply.locator('#apply-to-program-program').selectOption('YGXZ');
  await apply.locator('#apply-to-program-motivation').fill('再次申请。');
  await submit('apply-to-program');
  await apply.getByRole('alert').waitFor();
  assert.doesNotMatch(await apply.getByRole('alert').textContent(), /[A-Za-z]{4,} [a-z]{3,}/);
  await apply.locator('#apply-to-program-program').selectOption(programCode);
  await apply.locator('#apply-to-program-motivation').fill('参与测试行动。');
  await submit('apply-to-program');
  await done('apply-to-program');

  // The Admin approves both.
  await signInAs(page, 'dev-admin');
  await open('/work/admin');
  for (const p of ['YGXZ', programCode]) {
    const item = page.locator(`[data-testid="admin-applications"] li[data-organization="${organization}"][data-program="${p}"]`);
    await item.locator('form[data-testid^="form-approve-"] button[type="submit"]').click();
    await item.waitFor({ state: 'detached' });
  }
  const member = await graphql('query($c: String!) { organization(code: $c) { programs { code } } }', { c: organization });
  assert.deepEqual(member.organization.programs.map((p) => p.code).sort(), [programCode, 'YGXZ'].sort());

  // …removes it from its own program, with a reason.
  await open('/work/admin/programs');
  const own = page.locator(`[data-testid="admin-programs"] li[data-code="${programCode}"]`);
  await own.locator('summary').click();
  await own.locator(`#remove-member-${programCode}-organization`).selectOption(organization);
  await own.locator(`#remove-member-${programCode}-reason`).fill('测试结束，移出成员。');
  await own.locator('button[type="submit"]').click();
  await own.getByTestId('form-done').waitFor();

  // …and pairs the enterprise with a Guangxi county under 粤桂扶贫协作, then ends the pairing.
  await open('/work/admin/pairings');
  const pairing = form('create-pairing');
  await pairing.locator('#create-pairing-program').fill('YGXZ');
  await pairing.locator('#create-pairing-helperOrganization').fill(organization);
  await pairing.locator('#create-pairing-helpedRegion').fill('451027');
  await pairing.locator('#create-pairing-startYear').fill(beijingDay().slice(0, 4));
  await pairing.locator('#create-pairing-yearlyPlan').fill('每年捐赠加工设备两套，培训脱贫劳动力。');
  await pairing.locator('#create-pairing-yearlyBudgetFen').fill('200000');
  await submit('create-pairing');
  const pairingCode = (await done('create-pairing')).trim().split(' ').pop();
  const pairings = await graphql('{ pairings(program: "YGXZ", first: 100) { nodes { code helperOrganization { code } helpedRegion { shortCode } yearlyBudget { yuan } } } }');
  const created = pairings.pairings.nodes.find((p) => p.helperOrganization?.code === organization);
  assert.deepEqual(created, { code: pairingCode, helperOrganization: { code: organization }, helpedRegion: { shortCode: '451027' }, yearlyBudget: { yuan: '200000.00' } });
  // Each filter asks again; the list is opened once the answer for both has come, or a late one would fold it.
  const filtered = page.waitForResponse((r) => r.url().includes('/graphql') && `${r.url()} ${r.request().postData() ?? ''}`.includes('451027'));
  await page.locator('#pairings-program').fill('YGXZ');
  await page.locator('#pairings-region').fill('451027');
  await filtered;
  const listed = page.locator(`[data-testid="admin-pairings"] li[data-code="${pairingCode}"]`);
  await listed.locator('summary').click();
  await listed.locator('textarea').fill('企业调整帮扶方式，结对结束。');
  await listed.locator('button[type="submit"]').click();
  await listed.getByTestId('pairing-ended').waitFor();

  // The enterprise leaves 粤桂扶贫协作 itself.
  await signInAs(page, officer);
  await open('/work/donor');
  const leave = form('leave-program');
  await leave.locator('#leave-program-program').selectOption('YGXZ');
  await leave.locator('#leave-program-reason').fill('本年度帮扶任务完成。');
  await submit('leave-program');
  await done('leave-program');
  const left = await graphql('query($c: String!) { organization(code: $c) { programs { code } } }', { c: organization });
  assert.deepEqual(left.organization.programs, []);

  // The Admin revokes the officer's grant.
  await signInAs(page, 'dev-admin');
  await open('/work/admin/grants');
  await page.locator('#grants-person').fill(officer);
  const held = page.locator(`[data-testid="admin-grants"] li[data-person="${officer}"][data-revoked="false"]`);
  await held.locator('summary').click();
  await held.locator('textarea').fill('对接人变更。');
  await held.locator('button[type="submit"]').click();
  await held.waitFor({ state: 'detached' });
  await page.locator('#grants-active').selectOption('false');
  await page.locator(`[data-testid="admin-grants"] li[data-person="${officer}"][data-revoked="true"]`).getByTestId('grant-revoked').waitFor();
  const admin = await asUser('dev-admin');
  const revoked = await admin('query($p: String) { grants(person: $p, first: 5) { nodes { revokedAt revokeReason } } }', { p: officer });
  assert.equal(revoked.grants.nodes[0].revokeReason, '对接人变更。');
});

test('a value erased under the law takes an admin to request it and another person, an auditor, to perform it', async () => {
  assert.ok(organization, 'the onboarding test registered an organisation');
  const { page } = browser;
  await open('/');
  await signInAs(page, 'dev-admin');
  await open(`/organizations/${organization}`);
  // From the record's history: its registration entry, the description picked, the legal basis prefilled.
  await page.getByTestId('history').getByRole('link', { name: '申请依法删除…' }).last().click();
  await page.getByTestId('redaction-entry-fields').getByRole('button', { name: 'after.Description' }).click();
  const request = form('request-redaction');
  assert.equal(await request.locator('#request-redaction-field').inputValue(), 'after.Description');
  assert.match(await request.locator('#request-redaction-legalBasis').inputValue(), /个人信息保护法/);
  // Without a reason nothing is requested, and what was typed stays.
  await submit('request-redaction');
  await request.getByRole('alert').waitFor();
  assert.match(await request.getByRole('alert').textContent(), /理由/);
  assert.equal(await request.locator('#request-redaction-field').inputValue(), 'after.Description');
  await request.locator('#request-redaction-reason').fill('简介中误填了联系人的个人信息。');
  await submit('request-redaction');
  const first = /RD-\d{4}-\d{6}/.exec(await done('request-redaction'))[0];
  // A second request, which the auditor declines.
  const sequence = await request.locator('#request-redaction-sequence').inputValue();
  await page.reload();
  await request.locator('#request-redaction-sequence').fill(sequence);
  await request.locator('#request-redaction-field').fill('after.Name');
  await request.locator('#request-redaction-reason').fill('名称中疑似含有个人信息。');
  await submit('request-redaction');
  const second = /RD-\d{4}-\d{6}/.exec(await done('request-redaction'))[0];

  // The admin cannot decide their own request: the page offers it to auditors only.
  assert.equal(await page.locator(`[data-testid="redactions"] li[data-code="${first}"] form`).count(), 0);

  await signInAs(page, 'dev-auditor');
  await open('/work/redactions');
  const pending = page.locator(`[data-testid="redactions"] li[data-code="${first}"]`);
  await pending.locator('form[data-testid^="form-redact-"] button[type="submit"]').click();
  await pending.getByRole('alert').waitFor();
  assert.match(await pending.getByRole('alert').textContent(), /勾选确认/);
  await pending.locator('input[name="confirm"]').check();
  await pending.locator('form[data-testid^="form-redact-"] button[type="submit"]').click();
  await page.locator(`[data-testid="redactions"] li[data-code="${first}"][data-status="REDACTED"]`).waitFor();
  const erased = await graphql('query($c: String!) { organization(code: $c) { name description } }', { c: organization });
  assert.equal(erased.organization.description, '［已依法删除］');
  assert.equal(erased.organization.name, name);

  const declined = page.locator(`[data-testid="redactions"] li[data-code="${second}"]`);
  await declined.locator('summary').click();
  await declined.locator('textarea').fill('名称是登记名称，不含个人信息。');
  await declined.locator('form[data-testid^="form-decline-"] button[type="submit"]').click();
  await page.locator(`[data-testid="redactions"] li[data-code="${second}"][data-status="DECLINED"]`).waitFor();
  const list = await graphql('{ auditRedactions(first: 100) { nodes { code status } } }');
  assert.deepEqual(
    list.auditRedactions.nodes.filter((r) => r.code === first || r.code === second).map((r) => r.status).sort(),
    ['DECLINED', 'REDACTED'],
  );
});

test('the admin workspace and the redactions page have no serious or critical accessibility violation', async () => {
  const { page } = browser;
  await open('/');
  await signInAs(page, 'dev-admin');
  const found = [];
  for (const path of ['/work', '/work/admin', '/work/admin/grants', '/work/admin/organizations', '/work/admin/programs', '/work/admin/pairings', '/work/redactions']) {
    await open(path);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('main .loading'));
    found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
  }
  assert.deepEqual(found, []);
});
