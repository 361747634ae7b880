#!/usr/bin/env node
// Builds the persisted-document allow-list from the SPA's sources: every gql`…` template in web/src, parsed and
// printed by graphql-js (so formatting does not matter), keyed by "sha256:" + hex SHA-256 of the printed text.
//   node src/OpenAid.Api/PersistedDocuments/extract-documents.mjs          writes persisted-documents.json
//   node src/OpenAid.Api/PersistedDocuments/extract-documents.mjs --check  exits 1 when the file is out of date
// Needs web/node_modules (npm ci in web/) for the graphql package.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const web = join(root, 'web');
const output = join(here, 'persisted-documents.json');
const { parse, print } = createRequire(join(web, 'package.json'))('graphql');

function* sources(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx|js|jsx)$/.test(entry.name)) yield path;
  }
}

// const Name = gql`…` and gql<Type>`…`; the type argument may span lines but holds no backtick.
const template = /(?:const\s+(\w+)\s*=\s*)?\bgql(?:<[^`]*?>)?`([^`]*)`/g;
const templates = [];
const byName = new Map();
for (const file of sources(join(web, 'src'))) {
  for (const match of readFileSync(file, 'utf8').matchAll(template)) {
    const entry = { file: relative(root, file), name: match[1], source: match[2] };
    templates.push(entry);
    if (entry.name) {
      byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
    }
  }
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

// ${Fragment} interpolations name other gql constants, of the same file or imported (names are unique among
// exported ones); urql's gql appends their definitions, each fragment once. Resolve them the same way, recursively.
function resolve(entry, name) {
  const candidates = byName.get(name) ?? [];
  const local = candidates.filter((c) => c.file === entry.file);
  if (local.length === 1) return local[0];
  if (candidates.length === 1) return candidates[0];
  fail(`${entry.file}: \${${name}} must name one gql constant in web/src (found ${candidates.length}); persisted documents need static text.`);
}

function definitions(entry, seen = new Set()) {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const own = entry.source.replace(/\$\{\s*(\w+)\s*\}/g, '');
  const result = parse(own).definitions.slice();
  for (const [, name] of entry.source.matchAll(/\$\{\s*([^}]*?)\s*\}/g)) {
    result.push(...definitions(resolve(entry, name), seen));
  }
  return result;
}

const documents = {};
const operations = new Map();
for (const entry of templates) {
  const all = definitions(entry);
  const unique = all.filter((d, i) => d.kind !== 'FragmentDefinition' || all.findIndex((e) => e.kind === d.kind && e.name.value === d.name.value) === i);
  const ops = unique.filter((d) => d.kind === 'OperationDefinition');
  if (ops.length === 0) continue; // a fragment on its own is not a request
  for (const op of ops) {
    const name = op.name?.value;
    if (!name) fail(`${entry.file}: give every operation a name; the SPA finds its documentId by it.`);
    if (operations.has(name) && operations.get(name) !== entry.source) fail(`${entry.file}: operation name ${name} is used twice.`);
    operations.set(name, entry.source);
  }
  const text = print({ kind: 'Document', definitions: unique });
  documents['sha256:' + createHash('sha256').update(text, 'utf8').digest('hex')] = text;
}

const sorted = Object.fromEntries(Object.entries(documents).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const json = JSON.stringify(sorted, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = existsSync(output) ? readFileSync(output, 'utf8') : '';
  if (current !== json) {
    console.error(`${relative(root, output)} is out of date: run node ${relative(root, fileURLToPath(import.meta.url))}`);
    process.exit(1);
  }
  console.log(`${Object.keys(sorted).length} persisted documents, up to date.`);
} else {
  writeFileSync(output, json);
  console.log(`Wrote ${Object.keys(sorted).length} persisted documents to ${relative(root, output)}.`);
}
