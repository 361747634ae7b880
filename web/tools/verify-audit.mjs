#!/usr/bin/env node
// An independent verifier of OpenAid's audit trail, written from the format document
// (src/OpenAid.Data/Audit/FORMAT.md) alone: it shares no code with the server.
//
//   node web/tools/verify-audit.mjs <dump.zip | URL> [--against <earlier dump.zip>] [--key <PEM file>] [--json]
//
// Exit 0 and "OK: …", exit 1 and "FAILED: <CODE> at …: …", exit 2 for usage, download or unreadable-file errors.
// Needs only Node 20 (no npm install): the zip is read with node:zlib and a small central-directory reader, so a
// reporter can copy this one file and run it.

import { createHash, createPublicKey, hash, verify as verifySignature } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import { createInflateRaw } from 'node:zlib';

// ---------------------------------------------------------------- encoding (FORMAT.md "Encoding primitives")

export const GENESIS = '0'.repeat(64);
const HEX64 = /^[0-9a-f]{64}$/;
const HEX32 = /^[0-9a-f]{32}$/;

/**
 * The bytes of a sequence of items: a string as LP (4-byte big-endian UTF-8 length, then the bytes), null as V(null)
 * (FF FF FF FF), a number as U32. Written into one buffer, as hashing millions of small pieces is the hot path.
 */
function encode(items) {
  let size = 0;
  for (const item of items) size += 4 + (typeof item === 'string' ? Buffer.byteLength(item, 'utf8') : 0);
  const bytes = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const item of items) {
    if (typeof item === 'string') {
      const length = bytes.write(item, offset + 4, 'utf8');
      bytes.writeUInt32BE(length, offset);
      offset += 4 + length;
    } else {
      bytes.writeUInt32BE(item === null ? 0xffffffff : item, offset);
      offset += 4;
    }
  }
  return bytes;
}

const sha256Hex = (bytes) => hash('sha256', bytes, 'hex');

export function fieldDigest(saltHex, name, value) {
  return sha256Hex(encode(['openaid.audit.field.v2', saltHex, name, value]));
}

/** fields: [{name, digest}] in the entry's order (by name, ordinal). */
export function contentDigest(fields) {
  const items = ['openaid.audit.content.v2', fields.length];
  for (const field of fields) items.push(field.name, field.digest);
  return sha256Hex(encode(items));
}

export function entryHash(sequence, previousHash, visibility, contentDigestHex) {
  return sha256Hex(encode(['openaid.audit.entry.v2', String(sequence), previousHash, visibility, contentDigestHex]));
}

export function checkpointMessage(checkpoint) {
  return encode(['openaid.audit.checkpoint.v1', String(checkpoint.sequence), checkpoint.head, checkpoint.at, checkpoint.keyId, checkpoint.nextKeyId ?? null]);
}

/** keyId: the first 16 hex chars of SHA-256 over the SubjectPublicKeyInfo DER. */
export function keyIdOf(publicKey) {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
}

/** The region import digest: SHA-256 over "code\tname\tlevel\tparentCode\n" of all regions sorted by code. */
export function regionImportDigest(regions) {
  const lines = regions.map((r) => `${padCode(r.Code)}\t${r.Name ?? ''}\t${r.Level ?? ''}\t${r.ParentCode == null ? '' : padCode(r.ParentCode)}\n`);
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line, 'utf8');
  return hash.digest('hex');
}

function padCode(code) {
  return String(code ?? '').padStart(12, '0');
}

// ---------------------------------------------------------------- reading a dump

/** A dump that cannot be read at all (not a zip, no audit trail, download failed): the CLI exits 2. */
export class DumpError extends Error {}

async function* splitLines(chunks) {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    const parts = (rest + decoder.write(chunk)).split('\n');
    rest = parts.pop();
    for (const part of parts) yield part.replace(/\r$/, '');
  }
  rest += decoder.end();
  if (rest !== '') yield rest.replace(/\r$/, '');
}

/**
 * A dump held in memory, { name: string | Buffer }. The verifier reads any object with the same three methods:
 * has(name), lines(name) yields the non-empty lines of a file (none when it is absent), text(name) gives it whole or null.
 */
export function dumpFromFiles(files) {
  const content = (name) => (name in files ? Buffer.from(files[name]) : null);
  return {
    has: (name) => name in files,
    async *lines(name) {
      const bytes = content(name);
      if (bytes === null) return;
      for await (const line of splitLines([bytes])) if (line.trim() !== '') yield line;
    },
    text: async (name) => content(name)?.toString('utf8') ?? null,
  };
}

/**
 * Opens a zip file for streaming its members. Reads the central directory (zip64 too, as .NET writes it for large
 * files) and inflates one member at a time, so a 500k-entry trail never sits in memory.
 */
export async function openDumpZip(path) {
  const members = await readCentralDirectory(path);
  const stream = async (name) => {
    const member = members.get(name);
    if (!member) return null;
    const handle = await open(path, 'r');
    const header = Buffer.alloc(30);
    try {
      await handle.read(header, 0, 30, member.localOffset);
    } finally {
      await handle.close();
    }
    if (header.readUInt32LE(0) !== 0x04034b50) throw new DumpError(`${name}: bad local header in the zip`);
    const start = member.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (member.compressedSize === 0) return Readable.from([]);
    const file = createReadStream(path, { start, end: start + member.compressedSize - 1 });
    if (member.method === 0) return file;
    if (member.method !== 8) throw new DumpError(`${name}: unsupported zip compression method ${member.method}`);
    // pipeline forwards a read error into the inflater, so a reader iterating it sees the error.
    return pipeline(file, createInflateRaw(), () => {});
  };
  return {
    has: (name) => members.has(name),
    async *lines(name) {
      const input = await stream(name);
      if (input === null) return;
      try {
        for await (const line of splitLines(input)) if (line.trim() !== '') yield line;
      } catch (error) {
        throw new DumpError(`${name}: ${error.message}`);
      }
    },
    async text(name) {
      const input = await stream(name);
      if (input === null) return null;
      const chunks = [];
      for await (const chunk of input) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

async function readCentralDirectory(path) {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new DumpError(`cannot open ${path}: ${error.message}`);
  }
  try {
    const read = async (length, position) => {
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await handle.read(bytes, 0, length, position);
      if (bytesRead !== length) throw new DumpError(`${path}: the zip is cut short`);
      return bytes;
    };
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0 && end < 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) end = i;
    if (end < 0) throw new DumpError(`${path} is not a zip file`);
    let count = tail.readUInt16LE(end + 10);
    let directorySize = tail.readUInt32LE(end + 12);
    let directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      if (end < 20 || tail.readUInt32LE(end - 20) !== 0x07064b50) throw new DumpError(`${path}: zip64 locator missing`);
      const record = await read(56, Number(tail.readBigUInt64LE(end - 20 + 8)));
      if (record.readUInt32LE(0) !== 0x06064b50) throw new DumpError(`${path}: zip64 end record missing`);
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    const directory = await read(directorySize, directoryOffset);
    const members = new Map();
    for (let i = 0, p = 0; i < count; i++) {
      if (directory.readUInt32LE(p) !== 0x02014b50) throw new DumpError(`${path}: bad central directory`);
      const member = { method: directory.readUInt16LE(p + 10), compressedSize: directory.readUInt32LE(p + 20), localOffset: directory.readUInt32LE(p + 42) };
      const nameLength = directory.readUInt16LE(p + 28);
      const extraEnd = p + 46 + nameLength + directory.readUInt16LE(p + 30);
      const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
      const uncompressedIsWide = directory.readUInt32LE(p + 24) === 0xffffffff;
      // The zip64 extra field (id 1) holds, in this order, only the 64-bit values whose 32-bit slots are full.
      for (let e = p + 46 + nameLength; e + 4 <= extraEnd; e += 4 + directory.readUInt16LE(e + 2)) {
        if (directory.readUInt16LE(e) !== 1) continue;
        let q = e + 4;
        if (uncompressedIsWide) q += 8;
        if (member.compressedSize === 0xffffffff) (member.compressedSize = Number(directory.readBigUInt64LE(q))), (q += 8);
        if (member.localOffset === 0xffffffff) member.localOffset = Number(directory.readBigUInt64LE(q));
      }
      members.set(name, member);
      p = extraEnd + directory.readUInt16LE(p + 32);
    }
    return members;
  } finally {
    await handle.close();
  }
}

/** A dump from a local path, a site (its /export/dump.zip) or a direct .zip address; close() removes a download. */
export async function openDump(source) {
  if (!/^https?:\/\//i.test(source)) return { dump: await openDumpZip(source), close: async () => {} };
  const url = new URL(source);
  if (!url.pathname.toLowerCase().endsWith('.zip')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/export/dump.zip`;
  const folder = await mkdtemp(join(tmpdir(), 'openaid-verify-'));
  const close = () => rm(folder, { recursive: true, force: true });
  try {
    let response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new DumpError(`cannot download ${url}: ${error.cause?.message ?? error.message}`);
    }
    if (!response.ok || !response.body) throw new DumpError(`cannot download ${url}: HTTP ${response.status}`);
    const path = join(folder, 'dump.zip');
    await pipelineAsync(Readable.fromWeb(response.body), createWriteStream(path));
    return { dump: await openDumpZip(path), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A pinned key from a PEM file's text; throws DumpError unless it is an EC P-256 public key. */
export function pinnedKey(pem) {
  let key;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new DumpError(`the --key file is not a PEM public key: ${error.message}`);
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new DumpError('the --key file is not an ECDSA P-256 public key');
  return key;
}

// ---------------------------------------------------------------- verification (FORMAT.md "Verification")

const REDACTED = Symbol('redacted');

class Failure extends Error {
  constructor(code, place, message) {
    super(message);
    this.problem = { code, sequence: place.sequence ?? null, record: place.record ?? null, message };
  }
}

function fail(code, place, message) {
  throw new Failure(code, place, message);
}

/** Hashes of entries 1…n, 32 bytes each in one growing buffer (16 MB for 500k entries). */
class Hashes {
  buffer = Buffer.alloc(32 * 4096);
  count = 0;
  push(hex) {
    if ((this.count + 1) * 32 > this.buffer.length) {
      const bigger = Buffer.alloc(this.buffer.length * 2);
      this.buffer.copy(bigger);
      this.buffer = bigger;
    }
    this.buffer.write(hex, this.count++ * 32, 'hex');
  }
  at(sequence) {
    return sequence >= 1 && sequence <= this.count ? this.buffer.toString('hex', (sequence - 1) * 32, sequence * 32) : null;
  }
}

const n = (value) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function parseJson(line) {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The recomputed hash of a published entry, or a reason it cannot be hashed. Also returns its readable fields. */
function hashEntry(entry) {
  if (entry.visibility === 'restricted') {
    if (typeof entry.contentDigest !== 'string' || !HEX64.test(entry.contentDigest)) return { error: 'a restricted entry needs a 64-hex contentDigest' };
    return { hash: entryHash(entry.sequence, entry.previousHash, entry.visibility, entry.contentDigest), fields: [] };
  }
  if (entry.visibility !== 'public') return { error: `visibility is ${JSON.stringify(entry.visibility)}, not public or restricted` };
  if (!Array.isArray(entry.fields)) return { error: 'a public entry needs its fields' };
  const digests = [];
  let previousName = null;
  for (const field of entry.fields) {
    if (typeof field?.name !== 'string') return { error: 'a field has no name' };
    if (previousName !== null && Buffer.compare(Buffer.from(previousName), Buffer.from(field.name)) >= 0) return { error: `field ${field.name} is out of name order` };
    previousName = field.name;
    if ('redaction' in field) {
      if (typeof field.redaction !== 'string' || typeof field.digest !== 'string' || !HEX64.test(field.digest)) return { error: `redacted field ${field.name} needs a redaction code and a 64-hex digest` };
      digests.push({ name: field.name, digest: field.digest });
    } else {
      if (typeof field.salt !== 'string' || !HEX32.test(field.salt) || !(typeof field.value === 'string' || field.value === null)) return { error: `field ${field.name} needs a 32-hex salt and a string or null value` };
      digests.push({ name: field.name, digest: fieldDigest(field.salt, field.name, field.value) });
    }
  }
  return { hash: entryHash(entry.sequence, entry.previousHash, entry.visibility, contentDigest(digests)), fields: entry.fields };
}

/** Step 1: sequence, links and hashes, streamed; keeps what later steps need (hashes, redaction marks, latest entries). */
async function checkEntries(dump, state) {
  let previousHash = GENESIS;
  for await (const line of dump.lines('audit/entries.ndjson')) {
    const expected = state.hashes.count + 1;
    const entry = parseJson(line);
    if (entry === null || typeof entry !== 'object') fail('HASH_MISMATCH', { sequence: expected }, `the line after entry ${expected - 1} is not an entry`);
    if (entry.sequence !== expected) {
      const found = Number.isSafeInteger(entry.sequence) ? `entry ${entry.sequence}` : `a sequence of ${JSON.stringify(entry.sequence)}`;
      fail('SEQUENCE_GAP', { sequence: expected }, `entry ${expected} is missing: after entry ${expected - 1} comes ${found}`);
    }
    if (entry.previousHash !== previousHash) fail('BROKEN_LINK', { sequence: expected }, `previousHash is ${entry.previousHash}, but entry ${expected - 1} has hash ${previousHash}`);
    const { hash, fields, error } = hashEntry(entry);
    if (error) fail('HASH_MISMATCH', { sequence: expected }, `the entry cannot be hashed: ${error}`);
    if (entry.hash !== hash) fail('HASH_MISMATCH', { sequence: expected }, `the entry says its hash is ${entry.hash}, its fields give ${hash}`);
    state.hashes.push(hash);
    previousHash = hash;
    if (fields.length > 0) remember(state, expected, fields);
  }
}

/**
 * Keeps a public entry's redaction marks, and its after.* values as the latest entry of its record. One entry per
 * record stays in memory, as one JSON string: the smallest form tried (500k entries of 500k records: ~430 MB).
 */
function remember(state, sequence, fields) {
  let type;
  let key;
  let actor;
  const after = []; // property, 1 and its value, or 0 and null when redacted
  for (const field of fields) {
    const redacted = 'redaction' in field;
    if (redacted) state.redactedFields.push({ sequence, name: field.name, code: field.redaction });
    else if (field.name === 'entity.type') type = field.value;
    else if (field.name === 'entity.key') key = field.value;
    else if (field.name === 'actor.subject') actor = field.value;
    if (field.name.startsWith('after.')) after.push(field.name.slice(6), redacted ? 0 : 1, redacted ? null : field.value);
  }
  if (typeof type !== 'string' || typeof key !== 'string') return;
  const kept = { sequence, after: JSON.stringify(after) };
  state.latest.set(`${type}\n${key}`, kept);
  if (type === 'RegionImport') state.regionImport = { sequence, after: afterValues(kept.after), actor };
}

/** The after.* values kept by remember: property → value, or REDACTED. */
function afterValues(json) {
  const flat = JSON.parse(json);
  const values = new Map();
  for (let i = 0; i < flat.length; i += 3) values.set(flat[i], flat[i + 1] === 1 ? flat[i + 2] : REDACTED);
  return values;
}

/** The published keys whose keyId is the hash of their own bytes; anything else is no key at all. */
function readKeys(text) {
  const keys = [];
  const document = text === null ? null : parseJson(text);
  for (const published of Array.isArray(document?.keys) ? document.keys : []) {
    try {
      const key = createPublicKey({ key: Buffer.from(published.publicKey, 'base64'), format: 'der', type: 'spki' });
      if (keyIdOf(key) === published.keyId) keys.push({ keyId: published.keyId, key });
    } catch {
      // An unreadable key is skipped: a checkpoint it would have signed then fails as UNTRUSTED_KEY.
    }
  }
  return keys;
}

const sameCheckpoint = (a, b) =>
  a.sequence === b.sequence && a.head === b.head && a.at === b.at && a.keyId === b.keyId && (a.nextKeyId ?? null) === (b.nextKeyId ?? null) && a.signature === b.signature;

/** Step 2: each checkpoint's signature, its key's trust (rotations hand it on), and the entry it covers. */
async function checkCheckpoints(dump, state, options) {
  const known = new Map();
  const trusted = new Set();
  const published = readKeys(await dump.text('audit/keys.json'));
  for (const { keyId, key } of published) known.set(keyId, key);
  if (options.against) {
    for (const { keyId, key } of readKeys(await options.against.text('audit/keys.json'))) {
      known.set(keyId, key);
      trusted.add(keyId);
    }
  }
  if (options.key) {
    const keyId = keyIdOf(options.key);
    known.set(keyId, options.key);
    trusted.add(keyId);
  }
  if (!options.against && !options.key && published.length > 0) {
    state.trustedOnFirstUse = published[0].keyId;
    trusted.add(published[0].keyId);
  }

  for await (const line of dump.lines('audit/checkpoints.ndjson')) {
    const checkpoint = parseJson(line);
    const sequence = checkpoint?.sequence;
    if (!Number.isSafeInteger(sequence) || sequence < 1 || !['head', 'at', 'keyId', 'signature'].every((f) => typeof checkpoint[f] === 'string') || !(checkpoint.nextKeyId == null || typeof checkpoint.nextKeyId === 'string'))
      fail('BAD_SIGNATURE', { sequence: Number.isSafeInteger(sequence) ? sequence : null }, `checkpoint line ${state.checkpoints.length + 1} cannot be read`);
    const key = known.get(checkpoint.keyId);
    if (!key) fail('UNTRUSTED_KEY', { sequence }, `checkpoint #${n(sequence)} is signed by key ${checkpoint.keyId}, which is not published with its public key`);
    const signature = Buffer.from(checkpoint.signature, 'base64');
    const signed =
      signature.length === 64 &&
      signature.toString('base64') === checkpoint.signature &&
      verifySignature('sha256', checkpointMessage(checkpoint), { key, dsaEncoding: 'ieee-p1363' }, signature);
    if (!signed) fail('BAD_SIGNATURE', { sequence }, `the signature of checkpoint #${n(sequence)} does not verify with key ${checkpoint.keyId}`);
    if (!trusted.has(checkpoint.keyId)) fail('UNTRUSTED_KEY', { sequence }, `checkpoint #${n(sequence)} is signed by key ${checkpoint.keyId}, which no trusted key introduced`);
    if (checkpoint.nextKeyId != null) {
      // A rotation hands trust on: later checkpoints are signed by the next key, not the old one.
      trusted.delete(checkpoint.keyId);
      trusted.add(checkpoint.nextKeyId);
    }
    const head = state.hashes.at(sequence);
    if (head === null) fail('TRUNCATED', { sequence: state.hashes.count + 1 }, `checkpoint #${n(sequence)} covers entry ${sequence}, but the trail ends at entry ${state.hashes.count}`);
    if (head !== checkpoint.head) fail('CHECKPOINT_MISMATCH', { sequence }, `checkpoint #${n(sequence)} signed head ${checkpoint.head}, but entry ${sequence} has hash ${head}`);
    state.checkpoints.push(checkpoint);
  }
}

/** Step 3: the earlier dump's entries keep their hashes here, and its checkpoints are all still here. */
async function checkAgainst(earlier, state) {
  const here = new Map(state.checkpoints.map((checkpoint) => [checkpoint.sequence, checkpoint]));
  for await (const line of earlier.lines('audit/entries.ndjson')) {
    const entry = parseJson(line);
    const sequence = entry?.sequence;
    if (!Number.isSafeInteger(sequence)) throw new DumpError('the earlier dump has an entry without a sequence');
    const hash = state.hashes.at(sequence);
    if (hash === null) fail('TRUNCATED', { sequence: state.hashes.count + 1 }, `the earlier dump has entry ${sequence}, this trail ends at entry ${state.hashes.count}`);
    if (hash !== entry.hash) fail('REWRITTEN', { sequence }, `entry ${sequence} had hash ${entry.hash} in the earlier dump, here ${hash}`);
  }
  for await (const line of earlier.lines('audit/checkpoints.ndjson')) {
    const checkpoint = parseJson(line);
    if (!Number.isSafeInteger(checkpoint?.sequence)) throw new DumpError('the earlier dump has a checkpoint without a sequence');
    if (state.hashes.at(checkpoint.sequence) === null) fail('TRUNCATED', { sequence: state.hashes.count + 1 }, `the earlier dump has checkpoint #${n(checkpoint.sequence)}, this trail ends at entry ${state.hashes.count}`);
    if (!here.has(checkpoint.sequence) || !sameCheckpoint(here.get(checkpoint.sequence), checkpoint)) fail('REWRITTEN', { sequence: checkpoint.sequence }, `checkpoint #${n(checkpoint.sequence)} of the earlier dump is not in this one`);
  }
}

/** Step 4: every redacted field names a redaction that lists it. */
async function checkRedactions(dump, state) {
  const listed = new Map();
  for await (const line of dump.lines('audit/redactions.ndjson')) {
    const redaction = parseJson(line);
    if (typeof redaction?.code !== 'string') continue;
    const fields = listed.get(redaction.code) ?? new Set();
    for (const field of Array.isArray(redaction.fields) ? redaction.fields : []) fields.add(`${field?.sequence}\n${field?.name}`);
    listed.set(redaction.code, fields);
  }
  for (const { sequence, name, code } of state.redactedFields) {
    const fields = listed.get(code);
    if (!fields) fail('REDACTION_UNKNOWN', { sequence }, `${name} of entry ${sequence} names redaction ${code}, which is not published`);
    if (!fields.has(`${sequence}\n${name}`)) fail('REDACTION_UNKNOWN', { sequence }, `${name} of entry ${sequence} names redaction ${code}, which does not list it`);
  }
}

const REGION_IDENTITY = new Set(['Code', 'Name', 'Level', 'ParentCode']);

/** What a region's mutable field holds when no Region entry ever changed it: flags False, the status NotRegistered, years null. */
function regionDefault(property, value) {
  if (property === 'PovertyStatus') return 'NotRegistered';
  return value === 'True' || value === 'False' ? 'False' : null;
}

/** Step 5: the live public records equal what their latest public entries say. */
async function checkRecords(dump, state) {
  const regions = [];
  for await (const line of dump.lines('audit/records.ndjson')) {
    const record = parseJson(line);
    const fields = record?.fields;
    if (typeof record?.entityType !== 'string' || typeof record?.entityKey !== 'string' || typeof fields !== 'object' || fields === null)
      fail('RECORD_MISMATCH', { record: { entityType: record?.entityType ?? null, entityKey: record?.entityKey ?? null, property: null } }, `records line ${state.records + 1} cannot be read`);
    const place = (property, sequence) => ({ sequence, record: { entityType: record.entityType, entityKey: record.entityKey, property } });
    const found = state.latest.get(`${record.entityType}\n${record.entityKey}`);
    const latest = found && { sequence: found.sequence, after: afterValues(found.after) };
    let properties = Object.keys(fields);
    if (record.entityType === 'Region') {
      regions.push(fields);
      properties = properties.filter((p) => !REGION_IDENTITY.has(p));
      if (!latest) {
        for (const p of properties) {
          if (fields[p] !== regionDefault(p, fields[p])) fail('RECORD_MISMATCH', place(p, null), `${p} is ${JSON.stringify(fields[p])}, but no Region entry changed it from ${JSON.stringify(regionDefault(p, fields[p]))}`);
        }
      }
    } else if (!latest) {
      fail('RECORD_UNAUDITED', place(null, null), `${record.entityType} ${record.entityKey} is public but has no public audit entry`);
    }
    if (latest) {
      for (const p of properties) {
        const recorded = latest.after.get(p);
        if (recorded === undefined) fail('RECORD_MISMATCH', place(p, latest.sequence), `entry ${latest.sequence}, the latest public one, does not record ${p}`);
        if (recorded !== REDACTED && recorded !== fields[p]) fail('RECORD_MISMATCH', place(p, latest.sequence), `${p} is ${JSON.stringify(fields[p])}, but entry ${latest.sequence} says ${JSON.stringify(recorded)}`);
      }
      for (const p of latest.after.keys()) {
        if (!(p in fields)) fail('RECORD_MISMATCH', place(p, latest.sequence), `entry ${latest.sequence} records ${p}, which the record lacks`);
      }
    }
    state.records++;
  }
  if (regions.length === 0 && !state.regionImport) return;
  const imported = state.regionImport;
  const where = { sequence: imported?.sequence ?? null, record: imported ? null : { entityType: 'RegionImport', entityKey: null, property: null } };
  if (!imported) fail('REGION_IMPORT_MISMATCH', where, `the dump has ${regions.length} regions but no RegionImport entry`);
  if (imported.actor !== 'system:region-import') fail('REGION_IMPORT_MISMATCH', where, `RegionImport entry ${imported.sequence} was made by ${JSON.stringify(imported.actor)}, not system:region-import`);
  const digest = regionImportDigest(regions);
  if (imported.after.get('Sha256') !== digest) fail('REGION_IMPORT_MISMATCH', where, `the ${regions.length} regions hash to ${digest}, entry ${imported.sequence} says ${imported.after.get('Sha256')}`);
  if (imported.after.get('Rows') !== String(regions.length)) fail('REGION_IMPORT_MISMATCH', where, `the dump has ${regions.length} regions, entry ${imported.sequence} says ${imported.after.get('Rows')}`);
}

/**
 * Verifies a dump (see dumpFromFiles / openDumpZip for what it reads) in the format's order, stopping at the first
 * failure. options: against (an earlier dump), key (a pinned KeyObject, see pinnedKey).
 * Returns { valid, entriesChecked, checkpointsChecked, recordsChecked, lastCheckpoint, trustedOnFirstUse, problem }.
 */
export async function verifyDump(dump, options = {}) {
  if (!dump.has('audit/entries.ndjson')) throw new DumpError('the dump has no audit/entries.ndjson');
  if (options.against && !options.against.has('audit/entries.ndjson')) throw new DumpError('the earlier dump has no audit/entries.ndjson');
  const state = { hashes: new Hashes(), checkpoints: [], records: 0, redactedFields: [], latest: new Map(), regionImport: null, trustedOnFirstUse: null };
  let problem = null;
  try {
    await checkEntries(dump, state);
    await checkCheckpoints(dump, state, options);
    if (options.against) await checkAgainst(options.against, state);
    await checkRedactions(dump, state);
    await checkRecords(dump, state);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    problem = error.problem;
  }
  const last = state.checkpoints.at(-1);
  return {
    valid: problem === null,
    entriesChecked: state.hashes.count,
    checkpointsChecked: state.checkpoints.length,
    recordsChecked: state.records,
    lastCheckpoint: last ? { sequence: last.sequence, head: last.head, at: last.at, keyId: last.keyId } : null,
    trustedOnFirstUse: state.trustedOnFirstUse,
    problem,
  };
}

// ---------------------------------------------------------------- CLI

/** The lines the CLI prints for a result: first OK:/FAILED:, then the trust-on-first-use notice if any. */
export function describe(result) {
  const lines = [];
  if (result.valid) {
    const last = result.lastCheckpoint;
    const checkpoint = last ? `last checkpoint #${n(last.sequence)} at ${last.at} (key ${last.keyId})` : 'no checkpoint';
    lines.push(`OK: ${n(result.entriesChecked)} entries, ${n(result.checkpointsChecked)} checkpoints, ${n(result.recordsChecked)} records; ${checkpoint}`);
  } else {
    const { code, sequence, record, message } = result.problem;
    const place = record
      ? `record ${record.entityType}${record.entityKey === null ? '' : ` ${record.entityKey}`}${record.property === null ? '' : ` (${record.property})`}`
      : sequence === null
        ? 'the dump'
        : `entry ${sequence}`;
    lines.push(`FAILED: ${code} at ${place}: ${message}`);
  }
  if (result.trustedOnFirstUse) lines.push(`Trusted on first use: key ${result.trustedOnFirstUse}; pass --against <earlier dump.zip> or --key <PEM file> to check it.`);
  return lines;
}

const USAGE = 'usage: node web/tools/verify-audit.mjs <dump.zip | URL> [--against <earlier dump.zip>] [--key <PEM file>] [--json]';

function parseArguments(args) {
  const parsed = { source: null, against: null, key: null, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') parsed.json = true;
    else if (arg === '--against' || arg === '--key') {
      if (i + 1 >= args.length) return null;
      parsed[arg.slice(2)] = args[++i];
    } else if (arg.startsWith('--') || parsed.source !== null) return null;
    else parsed.source = arg;
  }
  return parsed.source === null ? null : parsed;
}

export async function main(args, out = process.stdout, err = process.stderr) {
  const parsed = parseArguments(args);
  if (!parsed) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const opened = [];
  try {
    const options = {};
    if (parsed.key) {
      let pem;
      try {
        pem = await readFile(resolve(parsed.key), 'utf8');
      } catch (error) {
        throw new DumpError(`cannot read ${parsed.key}: ${error.message}`);
      }
      options.key = pinnedKey(pem);
    }
    const dump = await openDump(parsed.source);
    opened.push(dump);
    if (parsed.against) {
      const against = await openDump(parsed.against);
      opened.push(against);
      options.against = against.dump;
    }
    const result = await verifyDump(dump.dump, options);
    out.write(parsed.json ? `${JSON.stringify(result, null, 2)}\n` : `${describe(result).join('\n')}\n`);
    return result.valid ? 0 : 1;
  } catch (error) {
    if (!(error instanceof DumpError)) throw error;
    err.write(`${error.message}\n`);
    return 2;
  } finally {
    for (const { close } of opened) await close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    // Whatever stops the check is not a verdict on the trail: exit 2, never the 1 of a failed verification.
    process.stderr.write(`cannot verify: ${error.stack ?? error}\n`);
    process.exitCode = 2;
  }
}
