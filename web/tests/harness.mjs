// Browser test harness: Debian's chromium driven by playwright-core, against the running API host.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';

export const baseUrl = process.env.OPENAID_BASE_URL?.replace(/\/+$/, '');
if (!baseUrl) {
  throw new Error('Set OPENAID_BASE_URL to the API host that serves the app, e.g. http://127.0.0.1:5000');
}

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-artifacts');

/**
 * Opens a fresh browser profile and page. Returns the page, the console errors seen so far
 * (console.error calls, uncaught exceptions, failed resource loads), a screenshot helper and close().
 */
export async function openBrowser({ viewport = { width: 1280, height: 800 } } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'openaid-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());

  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));

  return {
    page,
    consoleErrors,
    /** Saves a full-page PNG as web/test-artifacts/<name>.png. */
    async screenshot(name) {
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs a GraphQL request against the same API, so a test can compare the page with the API's own answer; anonymous
 * unless a token is given (fixtures.mjs asUser).
 */
export async function graphql(query, variables = {}, token = null) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors?.length) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** A day some days from today in Beijing, the records' time zone (the API dates by it wherever it runs), yyyy-MM-dd. */
export function beijingDay(days = 0) {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A year of the demo data, named as the base campaign's (2015–2020): the demo's years end with its anchor's, which the
 * runner passes as OPENAID_DEMO_LAST_YEAR (BrowserTests does). demoYear(2019) is the year before the last.
 */
export function demoYear(baseYear) {
  const last = Number(process.env.OPENAID_DEMO_LAST_YEAR);
  if (!Number.isInteger(last)) {
    throw new Error('Set OPENAID_DEMO_LAST_YEAR to the demo data\'s last year, e.g. 2026');
  }
  return baseYear + last - 2020;
}

/** Whether the API's schema has a field, for tests of features that arrive later (objections, pledges). */
export async function schemaHas(typeName, field) {
  const data = await graphql('query($name: String!) { __type(name: $name) { fields { name } } }', { name: typeName });
  return data.__type?.fields?.some((f) => f.name === field) ?? false;
}

/**
 * One browser for a test file's tests: opened before them and closed after them; each test fails on the console
 * errors seen while it ran. Returns what openBrowser() returns once the tests start.
 */
export function sharedBrowser() {
  const shared = {};
  before(async () => Object.assign(shared, await openBrowser()));
  after(async () => shared.close?.());
  afterEach(() => assert.deepEqual(shared.consoleErrors.splice(0), [], 'console errors'));
  return shared;
}
