#!/usr/bin/env node
// First contentful paint of the home page on a simulated slow link, in Debian's Chromium with a cold cache, for each
// encoding the browser may accept (none, gzip, Brotli), median of several loads. Against a running server:
//   ./run.sh &   node bench/first-paint.mjs [--url http://127.0.0.1:5000] [--runs 5]
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const url = (args.url ?? 'http://127.0.0.1:5000').replace(/\/+$/, '') + '/';
const runs = Number(args.runs ?? 5);
const root = resolve(import.meta.dirname, '..');
// playwright-core comes with the web app's test dependencies (npm ci in web/).
const { chromium } = createRequire(join(root, 'web', 'package.json'))('playwright-core');

// Chrome DevTools' "Fast 3G" preset (as Lighthouse defines it): 562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up.
const fast3g = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
// Chromium asks for Brotli over HTTPS only; the Accept-Encoding header is set here so that a plain-HTTP server on
// loopback is measured as a browser reaching it over HTTPS would be.
const settings = [
  ['none', 'identity'],
  ['gzip', 'gzip, deflate'],
  ['br', 'gzip, deflate, br'],
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  console.log(`First contentful paint of ${url} on Fast 3G, cold cache, median of ${runs}`);
  for (const [name, acceptEncoding] of settings) {
    const paints = [];
    const shown = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Encoding': acceptEncoding } });
      const page = await context.newPage();
      // When the app itself has rendered (its navigation), after the frame index.html paints first.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('.site-header nav')) {
            window.appShownAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', fast3g);
      let transferred = 0;
      cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
      await page.goto(url, { waitUntil: 'load' });
      const fcp = await page.evaluate(
        () => new Promise((ok) => new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) { observer.disconnect(); ok(entry.startTime); }
        }).observe({ type: 'paint', buffered: true })),
      );
      paints.push(fcp);
      await page.waitForFunction(() => window.appShownAt);
      shown.push(await page.evaluate(() => window.appShownAt));
      bytes = transferred;
      await context.close();
    }
    const seconds = (values) => `${(median(values) / 1000).toFixed(2)} s (runs: ${values.map((p) => (p / 1000).toFixed(2)).join(', ')})`;
    console.log(`  ${name.padEnd(5)} FCP ${seconds(paints)}; app shown ${seconds(shown)}; ${(bytes / 1024).toFixed(0)} KiB transferred by load`);
  }
} finally {
  await browser.close();
}
