// Sign-in with Microsoft Entra ID, as far as it can be exercised without Entra ID. The xunit test EntraBrowserTests
// starts a server configured for Entra ID and passes an access token it signed with a key that server trusts
// (OPENAID_ENTRA_ACCESS_TOKEN, for the person OPENAID_ENTRA_TENANT / OPENAID_ENTRA_OBJECT). The page's requests to the
// authority (login.microsoftonline.com) never leave the machine: this test answers them itself, as Entra ID would
// (authorize → code, token → that access token, logout → back). Without the variables (the development server of
// BrowserTests) only the check that public pages do not load MSAL runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, openBrowser } from './harness.mjs';

const accessToken = process.env.OPENAID_ENTRA_ACCESS_TOKEN;
const tenant = process.env.OPENAID_ENTRA_TENANT;
const objectId = process.env.OPENAID_ENTRA_OBJECT;
const config = await (await fetch(`${baseUrl}/config/sign-in`)).json();

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

const base64Url = (text) => Buffer.from(text).toString('base64url');

/** An ID token as Entra ID's token endpoint returns it; MSAL reads it (nonce, names) and leaves its signature to TLS. */
function idToken(nonce) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    ver: '2.0',
    iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
    aud: config.clientId,
    tid: tenant,
    oid: objectId,
    sub: 'pairwise-subject-of-the-web-app',
    name: '王芳',
    preferred_username: 'wang.fang@example.org',
    nonce,
    iat: now,
    nbf: now,
    exp: now + 3600,
  };
  return `${base64Url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: 'test' }))}.${base64Url(JSON.stringify(claims))}.c2lnbmF0dXJl`;
}

/** Answers the page's requests to the authority; what it was asked is kept in `seen`. */
async function standInForEntra(page) {
  const authority = new URL(config.authority);
  const clientInfo = base64Url(JSON.stringify({ uid: objectId, utid: tenant }));
  const seen = { authorize: null, token: null, logout: null, unexpected: [] };
  await page.route(`${authority.origin}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const cors = { 'access-control-allow-origin': request.headers().origin ?? '*', 'access-control-allow-headers': '*' };
    if (url.pathname === `${authority.pathname}/oauth2/v2.0/authorize`) {
      seen.authorize = url;
      const answer = new URLSearchParams({ code: 'test-authorization-code', state: url.searchParams.get('state') ?? '', client_info: clientInfo });
      const redirect = url.searchParams.get('redirect_uri');
      const location = url.searchParams.get('response_mode') === 'query' ? `${redirect}?${answer}` : `${redirect}#${answer}`;
      await route.fulfill({ status: 302, headers: { location } });
    } else if (url.pathname === `${authority.pathname}/oauth2/v2.0/token` && request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: cors });
    } else if (url.pathname === `${authority.pathname}/oauth2/v2.0/token`) {
      seen.token = new URLSearchParams(request.postData() ?? '');
      await route.fulfill({
        status: 200,
        headers: { ...cors, 'content-type': 'application/json' },
        body: JSON.stringify({
          token_type: 'Bearer',
          scope: config.scopes.join(' '),
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: accessToken,
          refresh_token: 'test-refresh-token',
          id_token: idToken(seen.authorize?.searchParams.get('nonce')),
          client_info: clientInfo,
        }),
      });
    } else if (url.pathname === `${authority.pathname}/oauth2/v2.0/logout`) {
      seen.logout = url;
      await route.fulfill({ status: 302, headers: { location: url.searchParams.get('post_logout_redirect_uri') ?? `${baseUrl}/` } });
    } else {
      seen.unexpected.push(`${request.method()} ${url}`);
      await route.fulfill({ status: 404, headers: cors, body: 'not answered by the test' });
    }
  });
  return seen;
}

const isGraphQL = (request) => new URL(request.url()).pathname === '/graphql';

/** The Authorization headers of the app's requests to /graphql, from now on. */
function graphqlAuthorizations(page) {
  const seen = [];
  page.on('request', (request) => {
    if (isGraphQL(request)) seen.push(request.headers().authorization ?? null);
  });
  return seen;
}

/** Whether the API takes a bearer token: a Reviewer mutation on an objection that does not exist answers NOT_FOUND when signed in, UNAUTHENTICATED when not. */
async function apiAccepts(authorization) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization },
    body: JSON.stringify({ query: 'mutation { startInvestigation(input: { objection: "YY-000000-2000-0000" }) { errors { code } } }' }),
  });
  const text = await response.text();
  if (text.includes('UNAUTHENTICATED')) return false;
  assert.match(text, /NOT_FOUND/, text);
  return true;
}

test('public pages do not load MSAL where the deployment does not sign in with Entra ID; a read-only one says so', async (t) => {
  if (config.mode === 'entra') {
    t.skip('this deployment signs in with Entra ID');
    return;
  }
  const { page } = browser;
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  await page.goto(`${baseUrl}/#/needs`);
  await page.locator('main h1').waitFor();
  if (config.mode === 'development') {
    await page.getByRole('button', { name: '登录' }).waitFor();
  } else {
    assert.equal(config.mode, 'none');
    assert.match(await page.locator('[data-testid="read-only"]').innerText(), /只读/);
    assert.equal(await page.locator('.sign-in button').count(), 0, 'a read-only deployment offers no sign-in');
  }
  assert.equal(await page.locator('[data-testid="entra-sign-in"]').count(), 0);
  assert.ok(scripts.length > 0);
  for (const script of scripts) {
    // MSAL's bundle names Entra ID's authority; the app's own code never does (the server tells it).
    assert.ok(!(await script.text()).includes('login.microsoftonline.com'), `${script.url()} carries MSAL`);
  }
});

test('with Entra ID the web app signs in by redirect, sends the access token to the API, and signs out', async (t) => {
  if (!accessToken) {
    t.skip('needs a server configured for Entra ID and OPENAID_ENTRA_ACCESS_TOKEN (EntraBrowserTests)');
    return;
  }
  assert.equal(config.mode, 'entra', 'the server passed an Entra ID token but does not sign in with Entra ID');
  const { page, consoleErrors, screenshot } = browser;
  const entra = await standInForEntra(page);
  const authorizations = graphqlAuthorizations(page);
  // Development sign-in is not there: no picker, and its list of people is never asked for.
  const developmentRequests = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/dev/')) developmentRequests.push(request.url());
  });

  await page.goto(`${baseUrl}/#/needs`);
  const button = page.getByRole('button', { name: '使用统一身份登录' });
  await button.waitFor();
  await assert.doesNotReject(page.waitForFunction(() => !document.querySelector('[data-testid="entra-sign-in"]')?.hasAttribute('disabled')));
  await page.locator('main h1').waitFor();
  await screenshot('entra-sign-in');
  assert.ok(authorizations.length > 0 && authorizations.every((a) => a === null), 'signed out, requests carry no token');

  await button.click();
  // Through the authorize request (answered above), the redirect bridge and the token request, back to the page.
  await page.locator('[data-testid="signed-in"]').waitFor();
  assert.deepEqual(entra.unexpected, []);

  const authorize = entra.authorize.searchParams;
  assert.equal(authorize.get('client_id'), config.clientId);
  assert.equal(authorize.get('redirect_uri'), `${baseUrl}${config.redirectPath}`);
  assert.equal(authorize.get('response_type'), 'code');
  assert.equal(authorize.get('code_challenge_method'), 'S256');
  const scopes = authorize.get('scope').split(' ');
  for (const scope of [...config.scopes, 'openid', 'profile']) assert.ok(scopes.includes(scope), `scope ${scope} in ${scopes}`);

  assert.equal(entra.token.get('grant_type'), 'authorization_code');
  assert.equal(entra.token.get('code'), 'test-authorization-code');
  assert.equal(entra.token.get('client_id'), config.clientId);
  assert.equal(entra.token.get('redirect_uri'), `${baseUrl}${config.redirectPath}`);
  assert.ok(entra.token.get('code_verifier'), 'PKCE: the code verifier goes with the code');

  // The header names the person and the role of their grant in the page's language; the page is back where sign-in started.
  const signedIn = page.locator('[data-testid="signed-in"]');
  assert.match(await signedIn.innerText(), /审核人员/);
  assert.match(await signedIn.innerText(), /王芳/);
  assert.equal(new URL(page.url()).hash, '#/needs');
  await page.locator('main h1').waitFor();
  await screenshot('entra-signed-in');

  // Requests from now on carry the access token, and the API accepts it.
  const before = authorizations.length;
  const signedRequest = page.waitForRequest(isGraphQL);
  await page.goto(`${baseUrl}/#/organizations`);
  await page.locator('[data-testid="signed-in"]').waitFor();
  await signedRequest;
  const sent = authorizations.slice(before).filter(Boolean);
  assert.ok(sent.length > 0 && sent.every((a) => a === `Bearer ${accessToken}`), `requests signed in carry the token: ${sent}`);
  assert.equal(await apiAccepts(sent[0]), true);

  // Sign-out ends the session at Entra ID and here: nothing of it is left in the tab, and requests go out unsigned.
  await page.getByRole('button', { name: '退出' }).click();
  await page.locator('[data-testid="entra-sign-in"]').waitFor();
  assert.ok(entra.logout, 'the browser went to the authority to sign out');
  assert.equal(entra.logout.searchParams.get('post_logout_redirect_uri'), `${baseUrl}/`);
  const stored = await page.evaluate(() => Object.keys(sessionStorage).map((key) => `${key}=${sessionStorage.getItem(key)}`).join('\n'));
  assert.ok(!stored.includes(accessToken), 'the access token is gone from the tab');
  assert.ok(!stored.includes('test-refresh-token'), 'the refresh token is gone from the tab');
  assert.equal(await page.locator('[data-testid="signed-in"]').count(), 0);
  const afterSignOut = authorizations.length;
  const unsignedRequest = page.waitForRequest(isGraphQL);
  await page.goto(`${baseUrl}/#/needs`);
  await page.locator('[data-testid="entra-sign-in"]').waitFor();
  await unsignedRequest;
  assert.ok(authorizations.slice(afterSignOut).every((a) => a === null), 'signed out, requests carry no token');
  assert.equal(await page.getByTestId('sign-in-picker').count(), 0);
  assert.deepEqual(developmentRequests, []);
  assert.deepEqual(entra.unexpected, []);
  assert.deepEqual(consoleErrors, []);
});
