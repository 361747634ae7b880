// Who helps a place (issue 14, "the people on the ground"), through the web app: a village below a city paired under
// 粤桂扶贫协作 shows that city pairing; a county official assigns a resident work team in the Publisher workspace and
// the village page shows it with its first secretary; the unit's organisation page lists the village among the places
// it helps. Needs the demo data's people (development sign-in).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, beijingDay, graphql, sharedBrowser } from './harness.mjs';
import { signInAs } from './signin.mjs';

const browser = sharedBrowser();

test('a village below a 粤桂-paired city shows the city pairing as one from above', async () => {
  const { page } = browser;
  const { pairings } = await graphql('{ pairings(program: "YGXZ", first: 50) { nodes { code helpedRegion { shortCode level } } } }');
  const pairing = pairings.nodes.find((p) => p.helpedRegion.level === 'CITY');
  assert.ok(pairing, 'the demo has a 粤桂 city pairing');
  const { regions } = await graphql('query($r: String!) { regions(region: $r, level: VILLAGE, first: 1) { nodes { shortCode } } }', {
    r: pairing.helpedRegion.shortCode,
  });
  const village = regions.nodes[0].shortCode;

  await page.goto(`${baseUrl}/#/villages/${village}`);
  const row = page.getByTestId('who-helps-pairings').locator(`tr[data-code="${pairing.code}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-level'), 'CITY');
  assert.match(await row.textContent(), /上级/);
  assert.match(await row.textContent(), /粤桂扶贫协作/);
});

test("a county official assigns a work team that the village page and the unit's page then show", async () => {
  const { page } = browser;
  const users = await (await fetch(`${baseUrl}/dev/users`)).json();
  const county = users.find((u) => u.subject === 'dev-county-publisher').grants[0].region;
  const { regions } = await graphql(
    'query($r: String!) { regions(region: $r, level: VILLAGE, first: 100) { nodes { shortCode workTeam { code } } } }',
    { r: county },
  );
  const village = regions.nodes.find((v) => !v.workTeam)?.shortCode;
  assert.ok(village, `county ${county} has a village without an active work team`);
  const { organizations } = await graphql(
    'query($r: String!) { organizations(region: $r, kind: GOVERNMENT, first: 100) { nodes { code region { level } } } }',
    {
      r: county.slice(0, 2),
    },
  );
  const unit = organizations.nodes.find((o) => o.region?.level === 'PROVINCE')?.code;
  assert.ok(unit, 'the province has a provincial unit');

  await page.goto(`${baseUrl}/#/`);
  await signInAs(page, 'dev-county-publisher');
  await page.goto(`${baseUrl}/#/work/publisher/villages`);
  const form = page.getByTestId('form-assign-work-team');
  await form.getByLabel('村代码（12 位）').fill(village);
  await form.getByLabel('帮扶单位代码').fill(unit);
  await form.getByLabel('进驻日期').fill(beijingDay(-7));
  await form.getByLabel('工作队人数').fill('3');
  await form.getByLabel('第一书记职务').fill('第一书记（省直单位派驻）');
  await form.getByLabel('队员职务').fill('队长、队员（产业）');
  await form.getByRole('button', { name: '派驻' }).click();
  const code = (await form.getByTestId('form-done').textContent()).match(/ZC-\d+/)?.[0];
  assert.ok(code, 'the new work team shows its code');

  await page.goto(`${baseUrl}/#/villages/${village}`);
  const team = page.getByTestId('who-helps-team');
  await team.waitFor();
  assert.equal(await team.getAttribute('data-code'), code);
  assert.match(await team.textContent(), /第一书记（省直单位派驻）/);
  assert.match(await team.textContent(), /队员（产业）/);
  assert.ok((await page.getByTestId('who-helps-units').getByRole('link').count()) >= 1, 'the assisting units are listed');

  await page.goto(`${baseUrl}/#/organizations/${encodeURIComponent(unit)}`);
  await page.getByTestId('places-helped').locator(`li[data-code="${village}"]`).waitFor();
});
