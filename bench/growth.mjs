#!/usr/bin/env node
// Growth: per query, the uncached p95 of two bench.mjs runs (results.json at 1× and at 10×) and how it changed.
//   node bench/growth.mjs bench/out/results.json bench/out/10x/results.json
import { readFileSync } from 'node:fs';
import { scenarios } from './queries.mjs';

const [small, large] = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')));
if (!large) {
  console.error('usage: node bench/growth.mjs <results.json at 1x> <results.json at 10x>');
  process.exit(2);
}
console.log(`1x: ${small.date} ${small.db} (load ${small.load ?? '?'})\n10x: ${large.date} ${large.db} (load ${large.load ?? '?'})\n`);
console.log('| query | p95 ms at 1x | p95 ms at 10x | 10x / 1x |\n|---|---|---|---|');
const rows = [...scenarios.map((s) => [s.title, s.name]), ['mix, 8 clients', 'mix8'], ['mix, 32 clients', 'mix']];
for (const [title, name] of rows) {
  const [a, b] = [small.uncached[name]?.p95, large.uncached[name]?.p95];
  console.log(`| ${title} | ${a?.toFixed(1) ?? '–'} | ${b?.toFixed(1) ?? '–'} | ${a && b ? (b / a).toFixed(2) : '–'} |`);
}
