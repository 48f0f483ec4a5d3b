import { describe, expect, it } from 'vitest';
import { encodeText, seal } from '../../src/lib/crypto';
import { openRecord, sealRecord, type SealedRecord } from '../../src/sim-worker/sealed-record';
import { storedTexts } from '../support/memory-saves';

const value = {
  inputs: [{ kind: 'call', request: { data: 'aHVudGVyMi1wbGFpbnRleHQ=' } }],
  name: 'hunter2-plaintext ✓ 🐳',
  nested: [1, null, true, { deep: 'x' }],
};

/** A copy of `record` with `field`'s byte at `index` flipped. */
function flipped(record: SealedRecord, field: 'key' | 'nonce' | 'sealed', index = 0): unknown {
  const bytes = record[field].slice();
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return { ...record, [field]: bytes };
}

describe('sealed records', () => {
  it('opens what it sealed, equal, and holds none of it in clear', async () => {
    const record = await sealRecord(value);
    expect(await openRecord(structuredClone(record))).toEqual({ kind: 'opened', value });
    const texts = storedTexts(record);
    for (const secret of ['hunter2-plaintext', 'aHVudGVyMi1wbGFpbnRleHQ', 'deep']) {
      expect(texts.some((text) => text.includes(secret))).toBe(false);
    }
  });

  it('seals each record under a key of its own', async () => {
    const [first, second] = await Promise.all([sealRecord(value), sealRecord(value)]);
    expect(first.key).not.toEqual(second.key);
    expect(first.sealed).not.toEqual(second.sealed);
    expect(await openRecord({ ...first, key: second.key })).toEqual({
      kind: 'corrupt',
      reason: 'the saved state is corrupt (it fails authentication)',
    });
  });

  it.each<['key' | 'nonce' | 'sealed', number]>([
    ['sealed', 0],
    ['sealed', 40],
    // The last byte is the tag's.
    ['sealed', -1],
    ['key', 31],
    ['nonce', 5],
  ])('refuses a record whose %s has a byte changed (at %i)', async (field, at) => {
    const record = await sealRecord(value);
    const index = at < 0 ? record[field].length + at : at;
    expect(await openRecord(flipped(record, field, index))).toEqual({
      kind: 'corrupt',
      reason: 'the saved state is corrupt (it fails authentication)',
    });
  });

  it.each<[string, (record: SealedRecord) => unknown]>([
    ['nothing', () => undefined],
    ['the plain value', () => value],
    ['another cipher', (record) => ({ ...record, cipher: 'aes-128-cbc' })],
    ['a short key', (record) => ({ ...record, key: record.key.slice(1) })],
    ['bytes as an array', (record) => ({ ...record, sealed: Array.from(record.sealed) })],
  ])('refuses %s as not sealed', async (_, make) => {
    expect(await openRecord(make(await sealRecord(value)))).toEqual({
      kind: 'corrupt',
      reason: 'the saved state is corrupt (it is not sealed)',
    });
  });

  it('refuses a record that opens to something not JSON', async () => {
    const record = await sealRecord(value);
    const sealed = await seal(record.key, record.nonce, encodeText('{"inputs": ['));
    expect(await openRecord({ ...record, sealed })).toEqual({
      kind: 'corrupt',
      reason: 'the saved state is corrupt (it is not JSON)',
    });
  });
});
