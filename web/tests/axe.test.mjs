// axe-core finds no serious or critical violation on the main public pages and on every Reviewer, Donor and Auditor
// workspace page (signed in with the tokens the xunit browser test mints; a workspace whose token is missing is left
// out, and said so).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seriousViolations } from './axe.mjs';
import { fundNotice, organizationInProgram, villageWithProjects } from './fixtures.mjs';
import { baseUrl, graphql, openBrowser } from './harness.mjs';
import { signInAs, signOut } from './signin.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens a page, waits until nothing is loading any more, and returns axe's serious and critical findings. */
async function check(page, path) {
  await page.goto(`${baseUrl}/#${path}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading, main [role="status"] .spinner'));
  return (await seriousViolations(page)).map((v) => `${path}: ${v}`);
}

test('the main public pages have no serious or critical accessibility violation', async () => {
  const { page } = browser;
  const { village, project } = await villageWithProjects();
  const notice = await fundNotice();
  const organization = await organizationInProgram();
  const need = (await graphql('{ needs(first: 1) { nodes { code } } }')).needs.nodes[0];
  const objection = (await graphql('{ objections(first: 1) { nodes { code } } }')).objections.nodes[0];
  const paths = [
    '/',
    '/notices',
    `/notices/${encodeURIComponent(notice.code)}`,
    '/villages',
    `/villages/${village.shortCode}`,
    '/projects',
    `/projects/${encodeURIComponent(project)}`,
    `/funds/${encodeURIComponent(notice.funds[0].code)}`,
    '/needs',
    ...(need ? [`/needs/${encodeURIComponent(need.code)}`] : []),
    '/organizations',
    `/organizations/${encodeURIComponent(organization.code)}`,
    '/data',
    '/reports',
    '/reports?region=4510',
    '/objections',
    ...(objection ? [`/objections/${encodeURIComponent(objection.code)}`] : []),
  ];
  const found = [];
  for (const path of paths) found.push(...(await check(page, path)));
  assert.deepEqual(found, []);
});

test('the workspace pages have no serious or critical accessibility violation', async (t) => {
  const env = process.env;
  const workspaces = [
    [env.OPENAID_TOKEN_REVIEWER, ['/work', '/work/reviewer']],
    [env.OPENAID_TOKEN_DONOR, ['/work/donor']],
    [env.OPENAID_TOKEN_AUDITOR, ['/work/auditor']],
    [env.OPENAID_TOKEN_VILLAGE, ['/work']],
  ].filter(([token]) => token);
  if (workspaces.length < 4) t.diagnostic('some workspace tokens are missing; only the others are checked');
  if (workspaces.length === 0) {
    t.skip('needs OPENAID_TOKEN_REVIEWER/_DONOR/_AUDITOR/_VILLAGE');
    return;
  }
  const { page } = browser;
  await page.goto(`${baseUrl}/#/`);
  const found = [];
  for (const [token, paths] of workspaces) {
    await signInAs(page, token);
    for (const path of paths) found.push(...(await check(page, path)));
  }
  // The pages say who may use them when nobody is signed in.
  await signOut(page);
  found.push(...(await check(page, '/work/reviewer')));
  assert.deepEqual(found, []);
});
