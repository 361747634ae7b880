#!/usr/bin/env node
// Drives the benchmark (see README.md): starts redis-server and the Release API on the scale database, runs wrk over
// the public mix uncached (cache off), cached, and against the in-memory ceiling, and prints the figures.
//   node bench/bench.mjs --db bench/out/bench.db [--seconds 15] [--out bench/out]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { scenarios } from './queries.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const root = resolve(import.meta.dirname, '..');
const db = resolve(args.db ?? join(root, 'bench', 'out', 'bench.db'));
const out = resolve(args.out ?? join(root, 'bench', 'out'));
const seconds = Number(args.seconds ?? 15);
const perQuerySeconds = Number(args['query-seconds'] ?? 10);
mkdirSync(out, { recursive: true });

const freePort = () => new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); }); });
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---- request paths from the database
const sqlite = (sql) => execFileSync('sqlite3', ['-readonly', '-separator', '\t', db, sql], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
const pathOf = (query, variables) => `/graphql?query=${encodeURIComponent(query.replace(/\s+/g, ' ').trim())}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
const files = {};
const mix = [];
for (const s of scenarios) {
  s.paths = s.variables(sqlite(s.sql)).map((v) => pathOf(s.query, v));
  files[s.name] = join(out, `paths-${s.name}.txt`);
  writeFileSync(files[s.name], s.paths.join('\n') + '\n');
}
// The mix takes the scenarios in turn, so each has the same share of requests.
for (let i = 0; mix.length < 1200; i++) for (const s of scenarios) mix.push(s.paths[i % s.paths.length]);
files.mix = join(out, 'paths-mix.txt');
writeFileSync(files.mix, mix.join('\n') + '\n');
log(`${scenarios.map((s) => `${s.name}: ${s.paths.length} variants`).join(', ')}`);

// ---- processes
const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
function start(command, argv, name) {
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (d) => { tail = (tail + d).slice(-4000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.tail = () => tail;
  child.name = name;
  children.push(child);
  return child;
}
async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  for (let i = 0; i < 100 && child.exitCode === null; i++) await sleep(100);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function startApi(redisPort, settings) {
  const port = await freePort();
  const dll = join(root, 'src', 'OpenAid.Api', 'bin', 'Release', 'net10.0', 'OpenAid.Api.dll');
  const api = start('dotnet', [dll,
    '--environment', 'Production',
    '--contentRoot', join(root, 'src', 'OpenAid.Api'),
    '--urls', `http://127.0.0.1:${port}`,
    '--Database:Provider=Sqlite', `--Database:ConnectionString=Data Source=${db}`, '--Database:SeedDemoData=false',
    `--ConnectionStrings:Redis=127.0.0.1:${redisPort}`,
    '--Diagnostics:SqlCommandHeader=true',
    '--Diagnostics:ExposeCacheHeaders=true',
    // One client address sends everything here: the limiter would measure itself.
    '--RateLimiting:Enabled=false',
    '--Logging:LogLevel:Default=Warning',
    ...Object.entries(settings).map(([k, v]) => `--${k}=${v}`)], 'api');
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const health = await fetch(`${base}/health`);
      if (health.ok) break;
    } catch { /* not up yet */ }
    if (api.exitCode !== null || i > 600) throw new Error(`The API did not start:\n${api.tail()}`);
    await sleep(100);
  }
  api.base = base;
  return api;
}

const peakRssMb = (pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

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
const redisPort = await freePort();
const redis = start('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--maxmemory', '512mb', '--maxmemory-policy', 'allkeys-lru'], 'redis');
await sleep(500);
const results = { date: new Date().toISOString(), db, seconds, uncached: {}, cached: {}, ceiling: {}, sql: {}, bytes: {} };

log('Uncached: Cache:Enabled=false (every request executes; Redis still holds the data version)');
let api = await startApi(redisPort, { 'Cache:Enabled': 'false' });
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
results.ratios = {
  cachedOverUncached: results.cached.mix.rps / results.uncached.mix.rps,
  cachedOverCeiling: results.cached.mix.rps / results.ceiling.mix.rps,
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
console.log(`\ncached/uncached throughput: ${results.ratios.cachedOverUncached.toFixed(1)}x   cached/ceiling: ${results.ratios.cachedOverCeiling.toFixed(2)}`);
console.log(`API peak RSS: uncached run ${results.uncached.peakRssMb.toFixed(0)} MB, cached run ${results.cached.peakRssMb.toFixed(0)} MB`);
writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
log(`Results in ${join(out, 'results.json')}`);
process.exit(0);
