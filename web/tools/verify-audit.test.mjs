// Tests of the JavaScript audit verifier: the format's pinned vectors, then small dumps written here (a stand-in
// writer that follows the format document, zips written with node:zlib, keys from node:crypto) and tampered one way
// each; every failure names its code and its first broken place. Run: node --test web/tools/
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe as suite, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import {
  GENESIS,
  checkpointMessage,
  contentDigest,
  describe,
  dumpFromFiles,
  entryHash,
  fieldDigest,
  keyIdOf,
  openDumpZip,
  verifyDump,
} from './verify-audit.mjs';

const VERIFIER = fileURLToPath(new URL('./verify-audit.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'verify-audit-test-'));
after(() => rmSync(folder, { recursive: true, force: true }));

// ---------------------------------------------------------------- a stand-in writer, from the format alone

const byName = (a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));
const saltOf = (seed, name) => createHmac('sha256', seed).update(name, 'utf8').digest().subarray(0, 16).toString('hex');

function newKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicKey, privateKey, keyId: keyIdOf(publicKey) };
}

/** One logical entry: header, before/after properties, and which fields are redacted under which code. */
function entry({ type, key, operation, after = {}, before = {}, actor = 'user:publisher-1', visibility = 'public', redacted = {} }) {
  const fields = {
    at: '2026-12-02T01:00:00.0000000+00:00',
    'actor.subject': actor,
    'actor.role': actor.startsWith('system:') ? 'System' : 'Publisher',
    'actor.organization': actor.startsWith('system:') ? null : 'ORG-000001',
    'entity.type': type,
    'entity.key': key,
    operation,
  };
  for (const [p, value] of Object.entries(before)) fields[`before.${p}`] = value;
  for (const [p, value] of Object.entries(after)) fields[`after.${p}`] = value;
  return { visibility, fields, redacted };
}

/** The published lines of logical entries, chained. */
function publish(logical) {
  return rechain(
    logical.map(({ visibility, fields, redacted }, i) => {
      const seed = randomBytes(32);
      const published = Object.entries(fields)
        .map(([name, value]) => {
          const salt = saltOf(seed, name);
          return name in redacted ? { name, digest: fieldDigest(salt, name, value), redaction: redacted[name] } : { name, salt, value };
        })
        .sort(byName);
      return visibility === 'public'
        ? { sequence: i + 1, visibility, fields: published }
        : { sequence: i + 1, visibility, contentDigest: contentDigest(published.map((f) => ({ name: f.name, digest: f.digest ?? fieldDigest(f.salt, f.name, f.value) }))) };
    }),
  );
}

/** Recomputes every previousHash and hash, as someone rewriting the trail would. */
function rechain(entries) {
  let previousHash = GENESIS;
  return entries.map((e) => {
    const content = e.contentDigest ?? contentDigest(e.fields.map((f) => ({ name: f.name, digest: f.digest ?? fieldDigest(f.salt, f.name, f.value) })));
    const hash = entryHash(e.sequence, previousHash, e.visibility, content);
    const chained = { sequence: e.sequence, previousHash, hash, visibility: e.visibility, ...(e.fields ? { fields: e.fields } : { contentDigest: e.contentDigest }) };
    previousHash = hash;
    return chained;
  });
}

/** Checkpoints at the given sequences; signers: { sequence: key } overrides, rotations: { sequence: nextKey }. */
function checkpoints(entries, key, sequences, { signers = {}, rotations = {} } = {}) {
  let current = key;
  return sequences.map((sequence) => {
    const signer = signers[sequence] ?? current;
    const checkpoint = { sequence, head: entries[sequence - 1].hash, at: `2026-12-02T0${sequence}:00:00.0000000+00:00`, keyId: signer.keyId, nextKeyId: rotations[sequence]?.keyId ?? null };
    checkpoint.signature = sign('sha256', checkpointMessage(checkpoint), { key: signer.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64');
    current = rotations[sequence] ?? current;
    return checkpoint;
  });
}

function keysJson(...keys) {
  return {
    algorithm: 'ECDSA-P256-SHA256',
    current: keys.at(-1).keyId,
    keys: keys.map((k) => ({
      keyId: k.keyId,
      publicKey: k.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      publicKeyPem: k.publicKey.export({ type: 'spki', format: 'pem' }),
      createdAt: '2026-12-01T00:00:00.0000000+00:00',
    })),
  };
}

const REGIONS = [
  { Code: '450000000000', Name: '广西壮族自治区', Level: 'Province', ParentCode: null },
  { Code: '450100000000', Name: '南宁市', Level: 'City', ParentCode: '450000000000' },
];
const DEFAULTS = { IsNationalKeyCounty: 'False', IsProvincialKeyCounty: 'False', IsContiguousDestituteArea: 'False', IsDeepPoverty: 'False', PovertyStatus: 'NotRegistered', PlannedExitYear: null, ActualExitYear: null, HasDemoFlags: 'False' };
const GUANGXI = { ...DEFAULTS, IsDeepPoverty: 'True', PovertyStatus: 'Poor', PlannedExitYear: '2020' };
const REDACTION = 'RD-2026-000001';

/** Written here from the format's words, not with the verifier's own function. */
function regionDigest(regions) {
  const text = regions
    .map((r) => `${r.Code}\t${r.Name}\t${r.Level}\t${r.ParentCode ?? ''}\n`)
    .sort()
    .join('');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The base dump: 1 region import, 2 a draft notice (restricted), 3 its publication, 4 a region's flags,
 * 5 a correction that redacts the description, 6 another draft. Checkpoints at 3 and 6 (the head).
 */
function baseDump(key = newKey()) {
  const notice = { type: 'Notice', key: '12' };
  const description = { 'after.Description': REDACTION };
  const entries = publish([
    entry({ type: 'RegionImport', key: '2026-12-01', operation: 'create', actor: 'system:region-import', after: { Rows: '2', Sha256: regionDigest(REGIONS) } }),
    entry({ ...notice, operation: 'create', visibility: 'restricted', after: { Title: '扶贫资金公告', Status: 'Draft', Description: '张三 13800000000' } }),
    entry({ ...notice, operation: 'publish', after: { Title: '扶贫资金公告', Status: 'Published', Description: '张三 13800000000' }, redacted: description }),
    entry({ type: 'Region', key: '450000000000', operation: 'update', before: DEFAULTS, after: GUANGXI }),
    entry({
      ...notice,
      operation: 'update',
      before: { Title: '扶贫资金公告', Status: 'Published', Description: '张三 13800000000' },
      after: { Title: '扶贫资金公告（更正）', Status: 'Published', Description: '（已删除）' },
      redacted: { 'before.Description': REDACTION, ...description },
    }),
    entry({ type: 'Notice', key: '13', operation: 'create', visibility: 'restricted', after: { Title: '草稿', Status: 'Draft', Description: '' } }),
  ]);
  return {
    key,
    entries,
    checkpoints: checkpoints(entries, key, [3, 6]),
    keys: keysJson(key),
    records: [
      { entityType: 'Notice', entityKey: '12', fields: { Title: '扶贫资金公告（更正）', Status: 'Published', Description: '（已删除）' } },
      { entityType: 'Region', entityKey: '450000000000', fields: { ...REGIONS[0], ...GUANGXI } },
      { entityType: 'Region', entityKey: '450100000000', fields: { ...REGIONS[1], ...DEFAULTS } },
    ],
    redactions: [
      {
        code: REDACTION,
        fields: [
          { sequence: 3, name: 'after.Description' },
          { sequence: 5, name: 'after.Description' },
          { sequence: 5, name: 'before.Description' },
        ],
        reason: 'personal data',
        legalBasis: '个人信息保护法 第四十七条',
        requestedAt: '2026-12-02T00:00:00.0000000+00:00',
        redactedAt: '2026-12-02T00:30:00.0000000+00:00',
      },
    ],
  };
}

const clone = (dump) => ({ ...structuredClone({ ...dump, key: undefined }), key: dump.key });
const ndjson = (rows) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

/** A minimal zip writer (local headers, central directory, end record): deflated members, or stored ones. */
function zip(files, { stored = false } = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const body = stored ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(stored ? 0 : 8, 4);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, nameBytes, body]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    common.copy(central, 6, 0, 26);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

let written = 0;
function writeDump(dump, options) {
  const path = join(folder, `dump-${++written}.zip`);
  const files = {
    'metadata.json': JSON.stringify({ audit: { entries: dump.entries.length, head: dump.entries.at(-1)?.hash ?? GENESIS, lastCheckpoint: dump.checkpoints.at(-1) ?? null } }),
    'audit/entries.ndjson': ndjson(dump.entries),
    'audit/checkpoints.ndjson': ndjson(dump.checkpoints),
    'audit/keys.json': JSON.stringify(dump.keys),
    'audit/records.ndjson': ndjson(dump.records),
    'audit/redactions.ndjson': ndjson(dump.redactions),
  };
  writeFileSync(path, zip(files, options));
  return path;
}

async function verify(dump, { against, key } = {}) {
  return verifyDump(await openDumpZip(writeDump(dump)), { against: against && (await openDumpZip(writeDump(against))), key });
}

function assertProblem(result, code, place) {
  assert.equal(result.valid, false, 'the dump should fail');
  assert.equal(result.problem.code, code, result.problem.message);
  if ('sequence' in place) assert.equal(result.problem.sequence, place.sequence, result.problem.message);
  if ('record' in place) assert.deepEqual(result.problem.record, place.record, result.problem.message);
}

const field = (dump, sequence, name) => dump.entries[sequence - 1].fields.find((f) => f.name === name);

// ---------------------------------------------------------------- the pinned vectors

suite('the format document’s test vectors', () => {
  const seed = Buffer.alloc(32);
  seed[31] = 1;
  const vectors = [
    { name: 'actor.organization', value: null, salt: '4c31ce9a90df79f22fba6dfb05dc7ba2', digest: 'f1f379999d939ee2ea9ace3443ae9145b5afff48a3aeb581a522771d90754b2b' },
    { name: 'after.Title', value: '扶贫资金公告', salt: '2e2a287caf1a10b575650f2398765e47', digest: 'bfcf1d5de6951190ca393bdd181f10832841f4e08facdafca87fe5f46b09b1f7' },
    { name: 'at', value: '2026-12-02T01:00:00.0000000+00:00', salt: '1ed56c2ee6635fdfd55ee86187bcf456', digest: '04a28d00cf95d95c3b7db948f81aafc1858e9596cf98c57041b980972dd191f9' },
  ];

  test('salts derive from the seed and field digests reproduce', () => {
    for (const v of vectors) {
      assert.equal(saltOf(seed, v.name), v.salt, v.name);
      assert.equal(fieldDigest(v.salt, v.name, v.value), v.digest, v.name);
    }
  });

  test('content digest and entry hash reproduce', () => {
    const content = contentDigest(vectors);
    assert.equal(content, 'a7cb6b31f6ddc4bc08c785ec8fa28b28e2354f52e8740a78b0936dbc270182ff');
    assert.equal(entryHash(1, GENESIS, 'public', content), 'bca895d8ea194b05cd0f5c6da70ced257b8454ebfb77c125fd3b669a4c9e8375');
  });

  test('the vectors as a published entry verify (a dump held in memory)', async () => {
    const published = { sequence: 1, previousHash: GENESIS, hash: 'bca895d8ea194b05cd0f5c6da70ced257b8454ebfb77c125fd3b669a4c9e8375', visibility: 'public', fields: vectors.map(({ name, salt, value }) => ({ name, salt, value })) };
    const result = await verifyDump(dumpFromFiles({ 'audit/entries.ndjson': ndjson([published]) }));
    assert.equal(result.valid, true, result.problem?.message);
    assert.equal(result.entriesChecked, 1);
  });
});

// ---------------------------------------------------------------- the tamper matrix

suite('a dump', () => {
  let base;
  before(() => {
    base = baseDump();
  });

  test('as written verifies: entries, checkpoints, records, last checkpoint, trusted on first use', async () => {
    const result = await verify(base);
    assert.equal(result.valid, true, result.problem?.message);
    assert.deepEqual(
      { entries: result.entriesChecked, checkpoints: result.checkpointsChecked, records: result.recordsChecked, trusted: result.trustedOnFirstUse },
      { entries: 6, checkpoints: 2, records: 3, trusted: base.key.keyId },
    );
    assert.deepEqual(result.lastCheckpoint, { sequence: 6, head: base.entries[5].hash, at: base.checkpoints[1].at, keyId: base.key.keyId });
    assert.deepEqual(describe(result), [
      `OK: 6 entries, 2 checkpoints, 3 records; last checkpoint #6 at ${base.checkpoints[1].at} (key ${base.key.keyId})`,
      `Trusted on first use: key ${base.key.keyId}; pass --against <earlier dump.zip> or --key <PEM file> to check it.`,
    ]);
  });

  test('stored (uncompressed) zip members read the same', async () => {
    const result = await verifyDump(await openDumpZip(writeDump(base, { stored: true })));
    assert.equal(result.valid, true, result.problem?.message);
    assert.equal(result.entriesChecked, 6);
  });

  test('a redacted field still verifies, its digest standing in for value and salt', async () => {
    const redacted = field(base, 5, 'after.Description');
    assert.deepEqual(Object.keys(redacted).sort(), ['digest', 'name', 'redaction']);
    assert.equal((await verify(base)).valid, true);

    const forged = clone(base);
    field(forged, 5, 'after.Description').digest = '0'.repeat(64);
    assertProblem(await verify(forged), 'HASH_MISMATCH', { sequence: 5 });
  });

  test('a value changed: HASH_MISMATCH at that entry', async () => {
    const tampered = clone(base);
    field(tampered, 3, 'after.Title').value = '扶贫资金公告（伪造）';
    const result = await verify(tampered);
    assertProblem(result, 'HASH_MISMATCH', { sequence: 3, record: null });
    assert.match(describe(result)[0], /^FAILED: HASH_MISMATCH at entry 3: /);
  });

  test('a restricted entry’s content digest changed: HASH_MISMATCH at that entry', async () => {
    const tampered = clone(base);
    tampered.entries[1].contentDigest = createHash('sha256').update('other').digest('hex');
    assertProblem(await verify(tampered), 'HASH_MISMATCH', { sequence: 2 });
  });

  test('a hash changed: HASH_MISMATCH at that entry, before the next entry’s link', async () => {
    const tampered = clone(base);
    tampered.entries[3].hash = createHash('sha256').update('other').digest('hex');
    assertProblem(await verify(tampered), 'HASH_MISMATCH', { sequence: 4 });
  });

  test('rewritten and re-chained: the entries agree, the checkpoint after the change does not', async () => {
    const tampered = clone(base);
    field(tampered, 4, 'before.PovertyStatus').value = 'Exited';
    tampered.entries = rechain(tampered.entries);
    assertProblem(await verify(tampered), 'CHECKPOINT_MISMATCH', { sequence: 6 });
  });

  test('rewritten, re-chained and re-signed with the real key: REWRITTEN at the first changed entry --against the earlier dump', async () => {
    const tampered = clone(base);
    field(tampered, 4, 'before.PovertyStatus').value = 'Exited';
    tampered.entries = rechain(tampered.entries);
    tampered.checkpoints = checkpoints(tampered.entries, base.key, [3, 6]);
    assert.equal((await verify(tampered)).valid, true, 'alone, a rewrite by the key holder cannot be seen');
    assertProblem(await verify(tampered, { against: base }), 'REWRITTEN', { sequence: 4 });
  });

  test('the newest entry deleted: TRUNCATED, the head checkpoint covers it', async () => {
    const tampered = clone(base);
    tampered.entries.pop();
    assertProblem(await verify(tampered), 'TRUNCATED', { sequence: 6 });
  });

  test('the newest entries and their checkpoint deleted: TRUNCATED --against the earlier dump', async () => {
    const tampered = clone(base);
    tampered.entries.splice(4);
    tampered.checkpoints.pop();
    tampered.records[0].fields.Title = '扶贫资金公告';
    tampered.records[0].fields.Description = '张三 13800000000';
    tampered.redactions[0].fields = [{ sequence: 3, name: 'after.Description' }];
    assert.equal((await verify(tampered)).valid, true, 'alone, a cut at a checkpoint cannot be seen');
    assertProblem(await verify(tampered, { against: base }), 'TRUNCATED', { sequence: 5 });
  });

  test('a middle entry deleted: SEQUENCE_GAP at the missing sequence', async () => {
    const tampered = clone(base);
    tampered.entries.splice(2, 1);
    assertProblem(await verify(tampered), 'SEQUENCE_GAP', { sequence: 3 });
  });

  test('two entries reordered: SEQUENCE_GAP; renumbered into order: BROKEN_LINK', async () => {
    const swapped = clone(base);
    [swapped.entries[2], swapped.entries[3]] = [swapped.entries[3], swapped.entries[2]];
    assertProblem(await verify(swapped), 'SEQUENCE_GAP', { sequence: 3 });

    swapped.entries[2].sequence = 3;
    swapped.entries[3].sequence = 4;
    assertProblem(await verify(swapped), 'BROKEN_LINK', { sequence: 3 });
  });

  test('the signing key replaced: trusted on first use alone, UNTRUSTED_KEY with --key or --against', async () => {
    const attacker = newKey();
    const tampered = clone(base);
    field(tampered, 3, 'after.Title').value = '扶贫资金公告（伪造）';
    tampered.entries = rechain(tampered.entries);
    tampered.checkpoints = checkpoints(tampered.entries, attacker, [3, 6]);
    tampered.keys = keysJson(attacker);

    const alone = await verify(tampered);
    assert.equal(alone.valid, true, alone.problem?.message);
    assert.equal(alone.trustedOnFirstUse, attacker.keyId);

    const pinned = await verify(tampered, { key: base.key.publicKey });
    assertProblem(pinned, 'UNTRUSTED_KEY', { sequence: 3 });
    assert.equal(pinned.trustedOnFirstUse, null);
    assertProblem(await verify(tampered, { against: base }), 'UNTRUSTED_KEY', { sequence: 3 });
  });

  test('a signed checkpoint field changed: BAD_SIGNATURE at the checkpoint', async () => {
    const tampered = clone(base);
    tampered.checkpoints[0].at = '2026-12-03T00:00:00.0000000+00:00';
    assertProblem(await verify(tampered), 'BAD_SIGNATURE', { sequence: 3 });
  });

  test('a rotation hands trust to the next key, and only a rotation does', async () => {
    const next = newKey();
    const rotated = clone(base);
    rotated.checkpoints = checkpoints(rotated.entries, base.key, [3, 6], { rotations: { 3: next } });
    rotated.keys = keysJson(base.key, next);
    const result = await verify(rotated, { key: base.key.publicKey });
    assert.equal(result.valid, true, result.problem?.message);
    assert.equal(result.lastCheckpoint.keyId, next.keyId);

    const unannounced = clone(rotated);
    unannounced.checkpoints = checkpoints(rotated.entries, base.key, [3, 6], { signers: { 6: next } });
    assertProblem(await verify(unannounced, { key: base.key.publicKey }), 'UNTRUSTED_KEY', { sequence: 6 });

    const oldKeyAfterRotation = clone(rotated);
    oldKeyAfterRotation.checkpoints = checkpoints(rotated.entries, base.key, [3, 6], { rotations: { 3: next }, signers: { 6: base.key } });
    assertProblem(await verify(oldKeyAfterRotation, { key: base.key.publicKey }), 'UNTRUSTED_KEY', { sequence: 6 });
  });

  test('a record edited: RECORD_MISMATCH naming type, key and property', async () => {
    const tampered = clone(base);
    tampered.records[0].fields.Title = '扶贫资金公告（伪造）';
    const result = await verify(tampered);
    assertProblem(result, 'RECORD_MISMATCH', { sequence: 5, record: { entityType: 'Notice', entityKey: '12', property: 'Title' } });
    assert.match(describe(result)[0], /^FAILED: RECORD_MISMATCH at record Notice 12 \(Title\): /);
  });

  test('a public record without a public entry: RECORD_UNAUDITED', async () => {
    const tampered = clone(base);
    tampered.records.push({ entityType: 'Notice', entityKey: '13', fields: { Title: '草稿', Status: 'Published', Description: '' } });
    assertProblem(await verify(tampered), 'RECORD_UNAUDITED', { record: { entityType: 'Notice', entityKey: '13', property: null } });
  });

  test('a region renamed: REGION_IMPORT_MISMATCH at the RegionImport entry', async () => {
    const tampered = clone(base);
    tampered.records[2].fields.Name = '邕州市';
    assertProblem(await verify(tampered), 'REGION_IMPORT_MISMATCH', { sequence: 1 });
  });

  test('a region’s flags changed without an entry: RECORD_MISMATCH against the defaults', async () => {
    const tampered = clone(base);
    tampered.records[2].fields.PovertyStatus = 'Poor';
    assertProblem(await verify(tampered), 'RECORD_MISMATCH', { sequence: null, record: { entityType: 'Region', entityKey: '450100000000', property: 'PovertyStatus' } });
  });

  test('a redaction not published, or not listing the field: REDACTION_UNKNOWN at the entry', async () => {
    const unpublished = clone(base);
    unpublished.redactions = [];
    assertProblem(await verify(unpublished), 'REDACTION_UNKNOWN', { sequence: 3 });

    const unlisted = clone(base);
    unlisted.redactions[0].fields = unlisted.redactions[0].fields.filter((f) => !(f.sequence === 5 && f.name === 'after.Description'));
    assertProblem(await verify(unlisted), 'REDACTION_UNKNOWN', { sequence: 5 });
  });
});

// ---------------------------------------------------------------- the CLI

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VERIFIER, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

suite('the command line', () => {
  let base;
  let good;
  let pem;
  before(() => {
    base = baseDump();
    good = writeDump(base);
    pem = join(folder, 'key.pem');
    writeFileSync(pem, base.key.publicKey.export({ type: 'spki', format: 'pem' }));
  });

  test('exit 0: the OK line, then the trust-on-first-use notice', async () => {
    const { code, stdout } = await run([good]);
    assert.equal(code, 0, stdout);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0], /^OK: 6 entries, 2 checkpoints, 3 records; last checkpoint #6 at \S+ \(key [0-9a-f]{16}\)$/);
    assert.match(lines[1], /^Trusted on first use: key [0-9a-f]{16};/);
  });

  test('exit 0 with --key and --against, no notice', async () => {
    const { code, stdout } = await run([good, '--key', pem, '--against', good]);
    assert.equal(code, 0, stdout);
    assert.equal(stdout.trimEnd().split('\n').length, 1, stdout);
  });

  test('exit 1: the FAILED line; --json prints the result object', async () => {
    const tampered = clone(base);
    field(tampered, 3, 'after.Title').value = '伪造';
    const path = writeDump(tampered);
    const text = await run([path]);
    assert.equal(text.code, 1, text.stdout);
    assert.match(text.stdout, /^FAILED: HASH_MISMATCH at entry 3: /);

    const json = await run([path, '--json']);
    assert.equal(json.code, 1, json.stdout);
    const result = JSON.parse(json.stdout);
    assert.equal(result.valid, false);
    assert.deepEqual({ code: result.problem.code, sequence: result.problem.sequence }, { code: 'HASH_MISMATCH', sequence: 3 });
  });

  test('exit 2: usage, a missing file, not a zip, a zip without an audit trail, a bad key file', async () => {
    const notZip = join(folder, 'not.zip');
    writeFileSync(notZip, 'hello');
    const noTrail = join(folder, 'no-trail.zip');
    writeFileSync(noTrail, zip({ 'metadata.json': '{}' }));
    for (const args of [[], ['--against'], [good, 'extra'], [join(folder, 'missing.zip')], [notZip], [noTrail], [good, '--key', notZip]]) {
      const { code, stderr } = await run(args);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.notEqual(stderr, '', args.join(' '));
    }
  });

  test('a URL: a site’s /export/dump.zip or a direct .zip address; a failed download exits 2', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/export/dump.zip' || request.url === '/files/latest.zip') {
        response.writeHead(200, { 'content-type': 'application/zip' });
        response.end(zip({ 'audit/entries.ndjson': ndjson(base.entries), 'audit/checkpoints.ndjson': ndjson(base.checkpoints), 'audit/keys.json': JSON.stringify(base.keys), 'audit/records.ndjson': ndjson(base.records), 'audit/redactions.ndjson': ndjson(base.redactions) }));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const site = `http://127.0.0.1:${server.address().port}`;
      for (const source of [site, `${site}/`, `${site}/files/latest.zip`]) {
        const { code, stdout, stderr } = await run([source]);
        assert.equal(code, 0, `${source}: ${stdout}${stderr}`);
        assert.match(stdout, /^OK: 6 entries/);
      }
      const missing = await run([`${site}/nothing.zip`]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /HTTP 404/);
    } finally {
      server.close();
    }
  });
});
