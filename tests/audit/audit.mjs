// Runs graphql-http's GraphQL-over-HTTP server audit against a running endpoint:
//
//   node audit.mjs http://127.0.0.1:5000/graphql
//
// Prints one line per audit and a summary. Exits 1 when any MUST or SHOULD audit fails (MAY audits are
// reported but optional), 2 on bad usage or when the server cannot be reached.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint URL>');
  process.exit(2);
}

let results;
try {
  results = await auditServer({ url });
} catch (error) {
  // graphql-http throws only on fatal problems, e.g. when nothing listens at the URL.
  console.error(`The audit could not run against ${url}: ${error?.stack ?? error}`);
  process.exit(2);
}

const level = (name) => name.split(' ', 1)[0]; // MUST, SHOULD or MAY
const counts = {};
const failures = [];

for (const result of results) {
  const requirement = level(result.name);
  const tally = (counts[requirement] ??= { passed: 0, failed: 0 });
  if (result.status === 'ok') {
    tally.passed++;
    console.log(`ok     ${result.id} ${result.name}`);
    continue;
  }

  tally.failed++;
  console.log(`${result.status.padEnd(6)} ${result.id} ${result.name}\n       ${result.reason}`);
  if (requirement === 'MUST' || requirement === 'SHOULD') {
    failures.push(result);
  }
}

// Show what the server answered for each required audit that failed; the body says why.
for (const failure of failures) {
  const response = failure.response;
  let body = '';
  try {
    body = await response.text();
  } catch {
    body = '(body already read by the audit)';
  }
  console.log(`\n--- ${failure.id} ${failure.name}`);
  console.log(`${response.status} ${response.headers.get('content-type') ?? '(no content-type)'}`);
  console.log(body.slice(0, 2000));
}

console.log('');
for (const requirement of ['MUST', 'SHOULD', 'MAY']) {
  const { passed = 0, failed = 0 } = counts[requirement] ?? {};
  console.log(`${requirement.padEnd(6)} ${passed} passed, ${failed} failed`);
}

process.exit(failures.length === 0 ? 0 : 1);
