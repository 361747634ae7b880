#!/usr/bin/env node
// Memory under cached load (bench/README.md, "Memory"): starts redis-server and the Release API on the scale database,
// fills the cache with the mix, then runs wrk with the mix for --minutes while sampling the API's resident memory
// (VmRSS), its GC heap and what the in-process cache counts (from /metrics) every --interval seconds.
//   node bench/memory.mjs --db bench/out/bench.db [--minutes 10] [--connections 16] [--interval 30] [--variants 200] [--Cache:MemoryCacheMegabytes 64]
// --variants N: up to N variable sets per query (a notice, a village, an organisation each) instead of 200, so that
// most requests miss and store one more result, as when many visitors open many pages: the in-process cache fills.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log, parseArgs, root, rssMb, sleep, startApi, startRedis, stop, writeRequestPaths } from './processes.mjs';

const args = parseArgs(process.argv.slice(2));
const db = resolve(args.db ?? join(root, 'bench', 'out', 'bench.db'));
const out = resolve(args.out ?? join(root, 'bench', 'out'));
const minutes = Number(args.minutes ?? 10);
const connections = Number(args.connections ?? 16);
const interval = Number(args.interval ?? 30);
// Settings of the API passed through, e.g. --Cache:MemoryCacheMegabytes 16.
const settings = Object.fromEntries(Object.entries(args).filter(([k]) => k.includes(':')));
mkdirSync(out, { recursive: true });

const { files, mix } = writeRequestPaths(db, out, Number(args.variants ?? 200));
const redis = await startRedis();
const api = await startApi(db, redis.port, settings);
log(`API ${api.base} (pid ${api.pid}), ${mix.length} paths in the mix, settings ${JSON.stringify(settings)}`);

/** A Prometheus sample's value: the sum of every series of the metric (e.g. the GC heap over its generations). */
async function scrape() {
  const text = await (await fetch(`${api.base}/metrics`)).text();
  const sum = (name) => text.split('\n').filter((l) => l.startsWith(name + '{') || l.startsWith(name + ' ')).reduce((a, l) => a + Number(l.split(' ').at(-1)), 0);
  return {
    cacheMb: sum('openaid_cache_memory_size_bytes') / 1048576,
    entries: sum('openaid_cache_memory_entries'),
    gcHeapMb: sum('dotnet_gc_last_collection_heap_size_bytes') / 1048576,
  };
}

for (const path of new Set(mix.slice(0, 1200))) await fetch(api.base + path, { headers: { accept: 'application/json' } });
const samples = [];
const take = async (second) => {
  const sample = { second, rssMb: rssMb(api.pid).now, ...(await scrape()) };
  samples.push(sample);
  log(`t=${String(second).padStart(4)} s  RSS ${sample.rssMb.toFixed(0).padStart(4)} MB  GC heap ${sample.gcHeapMb.toFixed(0).padStart(4)} MB  in-process cache ${sample.cacheMb.toFixed(1)} MB in ${sample.entries} entries`);
};
await take(0);
const wrk = spawn('wrk', ['-t2', `-c${connections}`, `-d${minutes * 60}s`, '--timeout', '5s', '-s', join(root, 'bench', 'mix.lua'), api.base, '--', files.mix], { stdio: ['ignore', 'pipe', 'inherit'] });
let wrkOutput = '';
wrk.stdout.on('data', (d) => { wrkOutput += d; });
const started = Date.now();
while (wrk.exitCode === null) {
  await sleep(Math.min(interval * 1000, Math.max(0, started + (samples.length * interval * 1000) - Date.now())));
  if (wrk.exitCode !== null) break;
  await take(Math.round((Date.now() - started) / 1000));
}
await take(Math.round((Date.now() - started) / 1000));
const m = /RESULT requests=(\d+) duration_us=(\d+) p50_us=(\d+) p95_us=(\d+) p99_us=(\d+) max_us=(\d+) errors=(\d+) non2xx=(\d+)/.exec(wrkOutput);
const load = m ? { rps: Number(m[1]) / (Number(m[2]) / 1e6), p99ms: Number(m[5]) / 1000, errors: Number(m[7]), non2xx: Number(m[8]) } : null;
const peak = rssMb(api.pid).peak;
await stop(api);
await stop(redis);

console.log('\n| t (s) | RSS MB | GC heap MB | in-process cache MB | entries |\n|---|---|---|---|---|');
for (const s of samples) console.log(`| ${s.second} | ${s.rssMb.toFixed(0)} | ${s.gcHeapMb.toFixed(0)} | ${s.cacheMb.toFixed(1)} | ${s.entries} |`);
console.log(`\npeak RSS (VmHWM) ${peak.toFixed(0)} MB; load ${load ? `${load.rps.toFixed(0)} req/s, p99 ${load.p99ms.toFixed(1)} ms, errors ${load.errors}, non-2xx ${load.non2xx}` : 'wrk printed no RESULT'}`);
writeFileSync(join(out, 'memory.json'), JSON.stringify({ date: new Date().toISOString(), minutes, connections, settings, samples, peakRssMb: peak, load }, null, 2));
process.exit(0);
