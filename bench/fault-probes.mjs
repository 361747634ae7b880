#!/usr/bin/env node
// Latency under faults (bench/README.md, "Faults"): two API instances on the scale database sharing one real
// redis-server, as behind a load balancer.
//  1. error results: identical anonymous queries whose result is an error (never stored) sent to both instances at
//     once, so that one instance takes the cross-instance lock and the other waits for it;
//  2. a Redis that hangs: redis-server sent SIGSTOP under load, then SIGCONT; request and /health latencies before,
//     during and after.
//   node bench/fault-probes.mjs --db bench/out/bench.db [--rounds 6] [--hang-seconds 8]
// OPENAID_API_DLL=<path to OpenAid.Api.dll> runs another build (e.g. the one before a change) for a before/after.
import { join, resolve } from 'node:path';
import { log, parseArgs, root, sleep, startApi, startRedis, stop, writeRequestPaths } from './processes.mjs';

const args = parseArgs(process.argv.slice(2));
const db = resolve(args.db ?? join(root, 'bench', 'out', 'bench.db'));
const out = resolve(args.out ?? join(root, 'bench', 'out'));
const rounds = Number(args.rounds ?? 6);
const hangSeconds = Number(args['hang-seconds'] ?? 8);

const { mix } = writeRequestPaths(db, out);
const redis = await startRedis();
const a = await startApi(db, redis.port);
const b = await startApi(db, redis.port);
log(`A ${a.base}, B ${b.base}, redis-server on ${redis.port} (pid ${redis.pid}); API ${process.env.OPENAID_API_DLL ?? 'this build'}`);

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, cache: response.headers.get('x-cache'), body };
}
const quantile = (values, q) => { const s = [...values].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN; };
const summary = (values) => `n=${values.length} p50 ${quantile(values, 0.5).toFixed(0)} ms, p99 ${quantile(values, 0.99).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;

// ---- 1. identical error queries on both instances
log('1. Identical anonymous queries whose result is an error, 4 at once on each instance');
const slowest = [];
for (let round = 0; round < rounds; round++) {
  // A fresh operation name per round: a key nobody has seen. The second page asks for more than 100 (PAGE_SIZE_EXCEEDED,
  // so the result is never stored); the first makes the execution hold the lock for a while.
  const query = `query Failing${Date.now()}${round} { notices(first: 100) { totalCount nodes { code title region { name ancestors { name } } } } more: notices(first: 101) { totalCount } }`;
  const path = `/graphql?query=${encodeURIComponent(query)}`;
  const results = await Promise.all([a, b, a, b, a, b, a, b].map((api) => timed(api.base + path).then((r) => ({ ...r, api: api === a ? 'A' : 'B' }))));
  if (!results.every((r) => r.body.includes('PAGE_SIZE_EXCEEDED'))) throw new Error(`unexpected answer: ${results[0].body.slice(0, 300)}`);
  const worst = Math.max(...results.map((r) => r.ms));
  slowest.push(worst);
  log(`  round ${round + 1}: A ${results.filter((r) => r.api === 'A').map((r) => r.ms.toFixed(0)).join('/')} ms, B ${results.filter((r) => r.api === 'B').map((r) => r.ms.toFixed(0)).join('/')} ms; slowest ${worst.toFixed(0)} ms`);
}
log(`  slowest request per round: ${slowest.map((ms) => ms.toFixed(0)).join(', ')} ms; rounds over 1 s: ${slowest.filter((ms) => ms > 1000).length} of ${rounds}`);

// ---- 2. Redis hangs (SIGSTOP) under load
log(`2. redis-server SIGSTOP for ${hangSeconds} s under load (8 clients over both instances, the mix), then SIGCONT`);
for (const path of new Set(mix)) await timed(a.base + path);
let phase = 'before';
const latencies = { before: [], during: [], after: [] };
const health = { before: [], during: [], after: [] };
let running = true;
let failures = 0;
const client = async (i) => {
  for (let n = i; running; n += 8) {
    const p = phase;
    const r = await timed((n % 2 ? a : b).base + mix[n % mix.length]);
    if (r.status !== 200) failures++;
    latencies[p].push(r.ms);
  }
};
const watcher = async () => {
  while (running) {
    const p = phase;
    health[p].push(await timed(a.base + '/health').then((r) => ({ ms: r.ms, status: JSON.parse(r.body).status })));
    await sleep(250);
  }
};
const load = [...Array.from({ length: 8 }, (_, i) => client(i)), watcher()];
await sleep(3000);
phase = 'during';
process.kill(redis.pid, 'SIGSTOP');
const stoppedAt = performance.now();
await sleep(hangSeconds * 1000);
process.kill(redis.pid, 'SIGCONT');
phase = 'after';
const resumedAt = performance.now();
let healthyAfterMs = null;
while (performance.now() - resumedAt < 15000) {
  const h = health.after.at(-1);
  if (h?.status === 'Healthy') { healthyAfterMs = performance.now() - resumedAt; break; }
  await sleep(100);
}
await sleep(3000);
running = false;
await Promise.all(load);
for (const p of ['before', 'during', 'after']) {
  log(`  ${p.padEnd(6)} requests: ${summary(latencies[p])}; /health: ${summary(health[p].map((h) => h.ms))}, ${[...new Set(health[p].map((h) => h.status))].join('/')}`);
}
log(`  requests answered with a status other than 200: ${failures}; Healthy again ${healthyAfterMs === null ? 'not within 15 s' : `${healthyAfterMs.toFixed(0)} ms`} after SIGCONT (hang lasted ${((resumedAt - stoppedAt) / 1000).toFixed(1)} s)`);

await stop(a);
await stop(b);
await stop(redis);
process.exit(0);
