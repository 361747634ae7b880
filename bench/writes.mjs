#!/usr/bin/env node
// The write benchmark (see README.md): concurrent writers send real mutations for a while — pledges against open
// needs (Donor) and notice publications, a draft then its publication (Publisher) — to one Release API on a copy of
// the scale database, then the database is checked by SQL for rule violations. Exits non-zero on any failure (a 5xx,
// a GraphQL error, an unexpected refusal) or violation; a rule refusal such as an over-pledge is a correct answer.
//   node bench/writes.mjs [--db bench/out/bench.db] [--writers 8] [--seconds 30] [--needs 60] [--port 5461]
//   OPENAID_API_DLL=/path/to/another/build/OpenAid.Api.dll node bench/writes.mjs …   # the same against another build
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log, parseArgs, root, startApi, stop } from './processes.mjs';

const args = parseArgs(process.argv.slice(2));
const source = resolve(args.db ?? join(root, 'bench', 'out', 'bench.db'));
const writers = Number(args.writers ?? 8);
const seconds = Number(args.seconds ?? 30);
const needCount = Number(args.needs ?? 60);
const port = args.port ? Number(args.port) : undefined;
// Refusals the rules give when writers race for the same room: correct answers, counted apart from failures.
const ruleRefusals = new Set(['EXCEEDS_REMAINING', 'NEED_FULLY_PLEDGED']);

// A fresh copy each run, so that runs compare and the scale database stays as generated.
const db = join(root, 'bench', 'out', 'writes.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
copyFileSync(source, db);
if (existsSync(`${source}.audit-key.pem`)) copyFileSync(`${source}.audit-key.pem`, `${db}.audit-key.pem`);
const sqlite = (sql) => execFileSync('sqlite3', ['-readonly', '-separator', '\t', db, sql], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map((l) => l.split('\t'));

// ---- the rules, by SQL: each query lists the keys of the records that break one
const money = { Commitment: 2, Disbursement: 3, Expenditure: 4 };
const live = '1, 2, 3, 4, 5'; // PledgeStatus: every status but Cancelled (6) and Lapsed (7) holds room of its need
const rules = {
  'need pledged above what it asks': 'SELECT Code FROM Needs WHERE Pledged > Requested',
  "need's live pledges above what it asks": `SELECT n.Code FROM Needs n JOIN Pledges p ON p.NeedId = n.Id WHERE p.Status IN (${live}) GROUP BY n.Id HAVING SUM(p.Quantity) > n.Requested`,
  'audit entry not linked to the one before': `SELECT a.Id FROM AuditEntries a LEFT JOIN AuditEntries b ON b.Id = a.Id - 1
     WHERE (b.Id IS NULL AND a.Id <> (SELECT MIN(Id) FROM AuditEntries)) OR a.PreviousHash <> COALESCE(b.Hash, printf('%.64d', 0))`,
  'fund allocated and transferred above its amount': `SELECT f.Code FROM Funds f
     WHERE COALESCE((SELECT SUM(AmountFen) FROM FundAllocations WHERE FundId = f.Id), 0) + COALESCE((SELECT SUM(AmountFen) FROM FundTransfers WHERE FromFundId = f.Id), 0) > f.AmountFen`,
  'project disbursed above its commitments': `SELECT ProjectId FROM Transactions WHERE ProjectId IS NOT NULL GROUP BY ProjectId
     HAVING SUM(CASE Kind WHEN ${money.Disbursement} THEN AmountFen ELSE 0 END) > SUM(CASE Kind WHEN ${money.Commitment} THEN AmountFen ELSE 0 END)`,
  'project spent above its disbursements': `SELECT ProjectId FROM Transactions WHERE ProjectId IS NOT NULL GROUP BY ProjectId
     HAVING SUM(CASE Kind WHEN ${money.Expenditure} THEN AmountFen ELSE 0 END) > SUM(CASE Kind WHEN ${money.Disbursement} THEN AmountFen ELSE 0 END)`,
};
const violations = () => Object.fromEntries(Object.entries(rules).map(([name, sql]) => [name, new Set(sqlite(sql).map((r) => r[0]))]));
log('Checking the rules before the run (the generator\'s clones may break some already; only new breaks count)');
const before = violations();

// ---- the server and its people
// A write slower than the request's time budget would answer TIMEOUT and hide how slow it was: the budget is a minute.
const api = await startApi(db, undefined, { environment: 'Development', 'Auth:LocalSigner': 'true', 'GraphQL:RequestTimeoutMilliseconds': '60000' }, port);
const graphql = async (query, variables, token) => {
  const response = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text.slice(0, 200) }] };
  }
  return { status: response.status, body };
};
/** One mutation: its payload, or what stopped it as { refused: code } or { failed: kind }. */
async function mutate(token, name, inputType, input, selection) {
  const { status, body } = await graphql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} errors { code message } } }`, { input }, token);
  if (status !== 200 || body.errors?.length) return { failed: `${name}: HTTP ${status} ${body.errors?.[0]?.extensions?.code ?? body.errors?.[0]?.message ?? ''}`.trim() };
  const payload = body.data[name];
  if (payload.errors.length) return { refused: payload.errors[0].code, message: payload.errors[0].message };
  return payload;
}
async function must(token, name, inputType, input, selection) {
  const payload = await mutate(token, name, inputType, input, selection);
  if (payload.failed || payload.refused) throw new Error(`${name}: ${payload.failed ?? `${payload.refused} ${payload.message}`}`);
  return payload;
}

const { body: found } = await graphql(`{
  offices: organizations(kind: GOVERNMENT, search: "扶贫开发办公室", first: 100) { nodes { code region { shortCode level } } }
  donors: organizations(kind: PRIVATE_ENTERPRISE, first: 1) { nodes { code } } }`);
const office = found.data.offices.nodes.find((o) => o.region.level === 'COUNTY');
const county = office.region.shortCode;
const donorOrg = found.data.donors.nodes[0].code;
const [village] = sqlite(`SELECT Code FROM Regions WHERE Level = 5 AND Code > ${county}000000 AND Code < ${county}000000 + 1000000 ORDER BY Code LIMIT 1`)[0];
const dll = process.env.OPENAID_API_DLL ?? join(root, 'src', 'OpenAid.Api', 'bin', 'Release', 'net10.0', 'OpenAid.Api.dll');
// The token command's host options come after its own, from the first one with a colon (OpenAidCommands.TokenAsync).
const token = (...options) => execFileSync('dotnet', [dll, 'token', ...options, '--Auth:LocalSigner=true', '--environment=Development',
  `--contentRoot=${join(root, 'src', 'OpenAid.Api')}`, '--Database:Provider=Sqlite', `--Database:ConnectionString=Data Source=${db}`, '--Database:SeedDemoData=false'],
{ encoding: 'utf8' }).trim().split('\n').at(-1);
const tokens = {
  publisher: token('--role', 'Publisher', '--region', county, '--org', office.code),
  reviewer: token('--role', 'Reviewer', '--region', county, '--org', office.code, '--name', '李明'),
  donor: token('--role', 'Donor', '--org', donorOrg),
};

// Beijing's day, as the API's calendar counts it.
const beijingDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
log(`County ${county} (office ${office.code}), village ${village}, donor ${donorOrg}: registering ${needCount} needs and a fund`);
const needs = [];
for (let i = 0; i < needCount; i++) {
  const { need } = await must(tokens.publisher, 'registerNeed', 'RegisterNeedInput', {
    region: String(village).padStart(12, '0'), category: 'EDUCATION', title: `贫困家庭学生助学金（写入基准 ${i}）`,
    description: '资助本村贫困家庭在校学生，每人每学期补助。', priority: 'NORMAL', deadline: beijingDay(60), amountFen: 2_000_000, submit: true,
  }, 'need { code }');
  await must(tokens.reviewer, 'reviewNeed', 'ReviewNeedInput', { need: need.code, decision: 'APPROVE' }, 'need { status }');
  needs.push(need.code);
}
const { fund } = await must(tokens.publisher, 'createFund', 'CreateFundInput', {
  name: '县级财政专项扶贫资金（写入基准）', documentNumber: `基财农〔2020〕${Date.now()}号`, sourceType: 'COUNTY_FISCAL', level: 'COUNTY',
  fiscalYear: 2020, amountFen: 1_000_000, region: county, purpose: '用于贫困村道路硬化。', decidedOn: '2020-06-01',
}, 'fund { code }');

// ---- the run
const latencies = [];
const outcomes = { written: {}, refused: {}, failed: {} };
const count = (kind, key) => { outcomes[kind][key] = (outcomes[kind][key] ?? 0) + 1; };
async function timed(name, send) {
  const started = performance.now();
  const result = await send();
  latencies.push(performance.now() - started);
  if (result.failed) count('failed', result.failed);
  else if (result.refused) count(ruleRefusals.has(result.refused) ? 'refused' : 'failed', `${name}: ${result.refused}`);
  else count('written', name);
  return result;
}
const pledge = () => timed('pledge', () => mutate(tokens.donor, 'pledge', 'PledgeInput', {
  need: needs[Math.floor(Math.random() * needs.length)], kind: 'MONEY', quantity: 10_000 * (1 + Math.floor(Math.random() * 10)),
}, 'pledge { code }'));
async function publish() {
  const draft = await timed('draftNotice', () => mutate(tokens.publisher, 'draftNotice', 'DraftNoticeInput', {
    kind: 'FUND', region: county, title: '关于县级财政专项扶贫资金分配的公告（写入基准）', body: '经研究，资金分配如下，现予公告。',
    decidedOn: beijingDay(), localSupervisionPhone: '0776-7612317', funds: [fund.code],
  }, 'notice { code }'));
  if (draft.notice) await timed('publishNotice', () => mutate(tokens.publisher, 'publishNotice', 'PublishNoticeInput', { notice: draft.notice.code }, 'notice { code }'));
}

const load = () => execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
log(`${writers} writers for ${seconds} s (load average ${load()})`);
const started = performance.now();
const deadline = started + seconds * 1000;
await Promise.all(Array.from({ length: writers }, async (_, w) => {
  for (let i = 0; performance.now() < deadline; i++) await ((w + i) % 2 === 0 ? pledge() : publish());
}));
const elapsed = (performance.now() - started) / 1000;
const loadAfter = load();
await stop(api);

// ---- the figures
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
const total = (kind) => Object.values(outcomes[kind]).reduce((a, n) => a + n, 0);
console.log(`\nmutations: ${latencies.length} in ${elapsed.toFixed(1)} s = ${(latencies.length / elapsed).toFixed(1)}/s; written ${total('written')} = ${(total('written') / elapsed).toFixed(1)} writes/s`);
console.log(`latency ms: p50 ${at(0.5).toFixed(1)}  p95 ${at(0.95).toFixed(1)}  p99 ${at(0.99).toFixed(1)}  max ${latencies.at(-1).toFixed(1)}`);
console.log(`load average: ${loadAfter} (at the end)`);
for (const kind of ['written', 'refused', 'failed']) console.log(`${kind}: ${JSON.stringify(outcomes[kind])}`);

log('Checking the rules after the run');
const after = violations();
let broken = 0;
for (const [name, keys] of Object.entries(after)) {
  const fresh = [...keys].filter((k) => !before[name].has(k));
  broken += fresh.length;
  console.log(`${fresh.length ? 'VIOLATED' : 'ok'}: ${name}${fresh.length ? ` (${fresh.slice(0, 10).join(', ')})` : ''}${before[name].size ? ` [${before[name].size} already before the run]` : ''}`);
}
// The benchmark's own needs: exactly what their live pledges hold.
const own = sqlite(`SELECT n.Code, n.Pledged, n.Requested, COALESCE(SUM(CASE WHEN p.Status IN (${live}) THEN p.Quantity END), 0) FROM Needs n
  LEFT JOIN Pledges p ON p.NeedId = n.Id WHERE n.Code IN (${needs.map((c) => `'${c}'`).join(', ')}) GROUP BY n.Id`);
const misbooked = own.filter(([, pledged, , held]) => pledged !== held);
broken += misbooked.length;
const full = own.filter(([, pledged, requested]) => pledged === requested).length;
console.log(`${misbooked.length ? 'VIOLATED' : 'ok'}: the benchmark's ${own.length} needs hold exactly their live pledges (${full} fully pledged)${misbooked.length ? `: ${misbooked.slice(0, 5).join('; ')}` : ''}`);
const failed = total('failed');
console.log(broken || failed ? `\nFAILED: ${broken} rule violations, ${failed} failed mutations` : '\n0 rule violations, 0 failed mutations');
process.exit(broken || failed ? 1 : 0);
