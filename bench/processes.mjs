// The processes the benchmark scripts start: redis-server and the Release API, killed when the script exits.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { scenarios } from './queries.mjs';

export const root = resolve(import.meta.dirname, '..');
export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
export const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
export const freePort = () => new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); }); });

/** The command-line options after `--name value` pairs. */
export const parseArgs = (argv) => Object.fromEntries(argv.reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));

export const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
// Interrupted: exit, so that the handler above stops what was started.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

export function start(command, argv, name) {
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

export async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  for (let i = 0; i < 100 && child.exitCode === null; i++) await sleep(100);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** A redis-server without persistence on a free port (or the one given). */
export async function startRedis(port) {
  port ??= await freePort();
  const redis = start('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--maxmemory', '512mb', '--maxmemory-policy', 'allkeys-lru'], 'redis');
  redis.port = port;
  await sleep(500);
  return redis;
}

/** The Release API on the database file, with Redis and the diagnostic headers, answering on `port` (a free one if not given). */
export async function startApi(db, redisPort, settings = {}, port = undefined) {
  port ??= await freePort();
  const dll = process.env.OPENAID_API_DLL ?? join(root, 'src', 'OpenAid.Api', 'bin', 'Release', 'net10.0', 'OpenAid.Api.dll');
  const common = ['--environment', 'Production', '--contentRoot', join(root, 'src', 'OpenAid.Api'),
    '--Database:Provider=Sqlite', `--Database:ConnectionString=Data Source=${db}`, '--Database:SeedDemoData=false'];
  // Production refuses to start without the audit trail's signing key: one beside the database, made once.
  const key = `${db}.audit-key.pem`;
  if (!existsSync(key)) execFileSync('dotnet', [dll, 'rotate-audit-key', ...common, `--Audit:SigningKeyPath=${key}`], { stdio: 'ignore' });
  const api = start('dotnet', [dll, ...common, `--Audit:SigningKeyPath=${key}`,
    '--urls', `http://127.0.0.1:${port}`,
    ...(redisPort ? [`--ConnectionStrings:Redis=127.0.0.1:${redisPort}`] : []),
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

/** Resident memory now and at its peak (VmRSS, VmHWM), in MB. */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { now: Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024, peak: Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024 };
}

/**
 * The request paths of each scenario (bench/queries.mjs), with variables drawn from the database, and the mix (the
 * scenarios in turn, so each has the same share), written one per line for wrk (bench/mix.lua). `variants` draws up to
 * that many variable sets per scenario instead of 200 (the notices, villages and organisations have tens of thousands).
 */
export function writeRequestPaths(db, out, variants = 200) {
  mkdirSync(out, { recursive: true });
  const sqlite = (sql) => execFileSync('sqlite3', ['-readonly', '-separator', '\t', db, sql], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
  const pathOf = (query, variables) => `/graphql?query=${encodeURIComponent(query.replace(/\s+/g, ' ').trim())}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const files = {};
  const mix = [];
  for (const s of scenarios) {
    s.paths = s.variables(sqlite(s.sql.replace('LIMIT 200', `LIMIT ${variants}`))).map((v) => pathOf(s.query, v));
    files[s.name] = join(out, `paths-${s.name}.txt`);
    writeFileSync(files[s.name], s.paths.join('\n') + '\n');
  }
  const length = Math.max(1200, ...scenarios.map((s) => s.paths.length * scenarios.length));
  for (let i = 0; mix.length < length; i++) for (const s of scenarios) mix.push(s.paths[i % s.paths.length]);
  files.mix = join(out, 'paths-mix.txt');
  writeFileSync(files.mix, mix.join('\n') + '\n');
  return { files, scenarios, mix };
}
