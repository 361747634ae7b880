import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, openBrowser } from './harness.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

test('the scripts and styles reach the browser precompressed in an encoding it asked for, cached for good', async () => {
  const { page } = browser;
  const assets = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push(response);
  });
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('data-as-of').waitFor();

  const scripts = assets.filter((r) => /\.(js|css)$/.test(new URL(r.url()).pathname));
  assert.ok(scripts.length > 0, 'the home page loads scripts from /assets/');
  for (const response of scripts) {
    const headers = await response.allHeaders();
    const asked = (await response.request().allHeaders())['accept-encoding'] ?? '';
    // Chromium asks for Brotli over HTTPS only; over plain HTTP on loopback it asks for gzip.
    const expected = /\bbr\b/.test(asked) ? 'br' : 'gzip';
    assert.equal(headers['content-encoding'], expected, `${response.url()} (asked for "${asked}")`);
    assert.match(headers['cache-control'], /immutable/);
    assert.match(headers['vary'], /Accept-Encoding/i);
  }
});
