#!/usr/bin/env node
// Drives the benchmark (see README.md): starts redis-server and the Release API on the scale database, runs wrk over
// the public mix uncached (cache off), cached, and against the in-memory ceiling, and prints the figures.
//   node bench/bench.mjs --db bench/out/bench.db [--seconds 15] [--out bench/out]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { children, log, parseArgs, root, rssMb, startApi as startApiOn, startRedis, stop, writeRequestPaths } from './processes.mjs';

const args = parseArgs(process.argv.slice(2));
const db = resolve(args.db ?? join(root, 'bench', 'out', 'bench.db'));
const out = resolve(args.out ?? join(root, 'bench', 'out'));
const seconds = Number(args.seconds ?? 15);
const perQuerySeconds = Number(args['query-seconds'] ?? 10);
mkdirSync(out, { recursive: true });

const { files, scenarios } = writeRequestPaths(db, out);
log(`${scenarios.map((s) => `${s.name}: ${s.paths.length} variants`).join(', ')}`);

const startApi = (redisPort, settings) => startApiOn(db, redisPort, settings);
const peakRssMb = (pid) => rssMb(pid).peak;

function wrk(base, file, connections, duration) {
  const output = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${duration}s`, '--timeout', '5s', '-s', join(root, 'bench', 'mix.lua'), base, '--', file], { encoding: 'utf8' });
  const m = /RESULT requests=(\d+) duration_us=(\d+) p50_us=(\d+) p95_us=(\d+) p99_us=(\d+) max_us=(\d+) errors=(\d+) non2xx=(\d+)/.exec(output);
  if (!m) throw new Error(`wrk printed no RESULT:\n${output}`);
  const [, requests, duration_us, p50, p95, p99, max, errors, non2xx] = m.map(Number);
  return { rps: requests / (duration_us / 1e6), p50: p50 / 1000, p95: p95 / 1000, p99: p99 / 1000, max: max / 1000, requests, errors, non2xx, connections };
}

async function sample(base, path) {
  let response;
  try {
    response = await fetch(base + path, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new Error(`${base} did not answer (${e.cause?.code ?? e.message}); its output ends with:\n${children.filter((c) => c.name === 'api').map((c) => c.tail()).join('\n---\n')}`);
  }
  const body = await response.text();
  if (!response.ok || body.includes('"errors"')) throw new Error(`${response.status} for ${decodeURIComponent(path).slice(0, 200)}: ${body.slice(0, 500)}`);
  return { sql: Number(response.headers.get('x-sql-commands')), cache: response.headers.get('x-cache'), bytes: Buffer.byteLength(body) };
}

// ---- the runs
const redis = await startRedis();
const redisPort = redis.port;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const results = { date: new Date().toISOString(), db, seconds, load: loadAverage(), uncached: {}, hand: {}, cached: {}, ceiling: {}, sql: {}, bytes: {} };

log('Uncached: Cache:Enabled=false (every request executes; Redis still holds the data version), against the hand-written answers');
let api = await startApi(redisPort, { 'Cache:Enabled': 'false', 'Bench:Ceiling': 'true' });
for (const s of scenarios) {
  const first = await sample(api.base, s.paths[0]);
  results.sql[s.name] = { uncached: first.sql };
  results.bytes[s.name] = Math.round((await Promise.all(s.paths.slice(0, 20).map((p) => sample(api.base, p)))).reduce((a, r) => a + r.bytes, 0) / Math.min(20, s.paths.length));
}
wrk(api.base, files.mix, 8, 5); // warm-up: JIT, SQLite page cache
for (const s of scenarios) {
  results.uncached[s.name] = wrk(api.base, files[s.name], 8, perQuerySeconds);
  log(`  ${s.name.padEnd(16)} ${fmt(results.uncached[s.name])}`);
}
// The same answers written by hand (plain SQL and Utf8JsonWriter, src/OpenAid.Api/Http/BenchHandWritten.cs), per query.
for (const s of scenarios) {
  files[`hand-${s.name}`] = join(out, `paths-hand-${s.name}.txt`);
  writeFileSync(files[`hand-${s.name}`], s.paths.map((p) => `/bench/hand/${s.name}?variables=${p.split('&variables=')[1]}`).join('\n') + '\n');
  results.hand[s.name] = wrk(api.base, files[`hand-${s.name}`], 8, perQuerySeconds);
  log(`  ${`${s.name} by hand`.padEnd(16)} ${fmt(results.hand[s.name])}`);
}
results.uncached.mix8 = wrk(api.base, files.mix, 8, seconds);
log(`  ${'mix, 8 clients'.padEnd(16)} ${fmt(results.uncached.mix8)}`);
results.uncached.mix = wrk(api.base, files.mix, 32, seconds);
log(`  ${'mix, 32 clients'.padEnd(16)} ${fmt(results.uncached.mix)}`);
results.uncached.peakRssMb = peakRssMb(api.pid);
await stop(api);

log('Cached: Cache:Enabled=true with Redis, and the ceiling endpoint (Bench:Ceiling=true)');
api = await startApi(redisPort, { 'Cache:Enabled': 'true', 'Bench:Ceiling': 'true' });
for (const s of scenarios) {
  for (const p of s.paths) await sample(api.base, p); // fill the cache
  // The mean over the variants: a hit costs 0, plus 1 when the version key was just refilled from the database, and an
  // entry whose time slot rolled over since the fill executes again.
  const cached = [];
  for (const p of s.paths.slice(0, 50)) cached.push((await sample(api.base, p)).sql);
  results.sql[s.name].cached = cached.reduce((a, n) => a + n, 0) / cached.length;
}
wrk(api.base, files.mix, 32, 5);
results.cached.mix8 = wrk(api.base, files.mix, 8, seconds);
log(`  ${'mix, 8 clients'.padEnd(16)} ${fmt(results.cached.mix8)}`);
results.cached.mix = wrk(api.base, files.mix, 32, seconds);
log(`  ${'mix, 32 clients'.padEnd(16)} ${fmt(results.cached.mix)}`);

// The ceiling answers the same sizes as the mix, in the same proportions, from memory.
const ceilingPaths = [];
for (let i = 0; ceilingPaths.length < 1200; i++) for (const s of scenarios) ceilingPaths.push(`/bench/ceiling?bytes=${results.bytes[s.name]}`);
files.ceiling = join(out, 'paths-ceiling.txt');
writeFileSync(files.ceiling, ceilingPaths.join('\n') + '\n');
wrk(api.base, files.ceiling, 32, 5);
results.ceiling.mix = wrk(api.base, files.ceiling, 32, seconds);
log(`  ${'ceiling, 32'.padEnd(16)} ${fmt(results.ceiling.mix)}`);
results.cached.peakRssMb = peakRssMb(api.pid);
await stop(api);
await stop(redis);

// ---- summary
function fmt(r) {
  return `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms` +
    (r.errors + r.non2xx ? `  errors ${r.errors} non-2xx ${r.non2xx}` : '');
}
results.load += ` at the start, ${loadAverage()} at the end`;
results.ratios = {
  cachedOverUncached: results.cached.mix.rps / results.uncached.mix.rps,
  cachedOverCeiling: results.cached.mix.rps / results.ceiling.mix.rps,
  uncachedOverCeiling: results.uncached.mix.rps / results.ceiling.mix.rps,
  provinceOverNotice: results.uncached['province-money'].p95 / results.uncached.notice.p95,
  overHand: Object.fromEntries(scenarios.map((s) => [s.name, results.uncached[s.name].p95 / results.hand[s.name].p95])),
};
console.log('\n| run | clients | req/s | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|');
const row = (name, r) => console.log(`| ${name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`);
for (const s of scenarios) row(`uncached: ${s.title}`, results.uncached[s.name]);
row('uncached: mix', results.uncached.mix8);
row('uncached: mix', results.uncached.mix);
row('cached: mix', results.cached.mix8);
row('cached: mix', results.cached.mix);
row('ceiling (same sizes from memory)', results.ceiling.mix);
console.log('\n| query | SQL commands uncached | SQL commands cached | mean response bytes |\n|---|---|---|---|');
for (const s of scenarios) console.log(`| ${s.title} | ${results.sql[s.name].uncached} | ${results.sql[s.name].cached.toFixed(2)} | ${results.bytes[s.name]} |`);
console.log('\n| query | uncached p95 ms | hand-written p95 ms | ratio (target ≤ 3) | uncached req/s | hand-written req/s |\n|---|---|---|---|---|---|');
for (const s of scenarios) {
  const [g, h] = [results.uncached[s.name], results.hand[s.name]];
  console.log(`| ${s.title} | ${g.p95.toFixed(1)} | ${h.p95.toFixed(1)} | ${results.ratios.overHand[s.name].toFixed(1)} | ${g.rps.toFixed(0)} | ${h.rps.toFixed(0)} |`);
}
console.log(`\ntargets: province aggregate p95 / one notice p95 = ${results.ratios.provinceOverNotice.toFixed(2)} (≤ 2); uncached mix / ceiling at 32 = ${results.ratios.uncachedOverCeiling.toFixed(4)} (≥ 0.015); ` +
  `cached mix / ceiling at 32 = ${results.ratios.cachedOverCeiling.toFixed(2)} (≥ 0.75); cached p99 at 32 = ${results.cached.mix.p99.toFixed(1)} ms (≤ 10)`);
console.log(`\ncached/uncached throughput: ${results.ratios.cachedOverUncached.toFixed(1)}x   cached/ceiling: ${results.ratios.cachedOverCeiling.toFixed(2)}`);
console.log(`load average: ${results.load}`);
console.log(`API peak RSS: uncached run ${results.uncached.peakRssMb.toFixed(0)} MB, cached run ${results.cached.peakRssMb.toFixed(0)} MB`);
writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
log(`Results in ${join(out, 'results.json')}`);
process.exit(0);
