import { describe, expect, it } from 'vitest';
import { decodeStringDocument } from './decode-bson-strings.js';

/** A BSON document of string values, written by hand from the spec (bsonspec.org). */
function encode(entries: [string, string][], options: { type?: number } = {}): Buffer {
  const parts = entries.map(([key, value]) => {
    const text = Buffer.from(`${value}\0`, 'utf8');
    const length = Buffer.alloc(4);
    length.writeInt32LE(text.length);
    return Buffer.concat([
      Buffer.from([options.type ?? 0x02]),
      Buffer.from(`${key}\0`),
      length,
      text,
    ]);
  });
  const body = Buffer.concat([...parts, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(body.length + 4);
  return Buffer.concat([size, body]);
}

describe('decodeStringDocument', () => {
  it('reads every key and value in order, UTF-8 included', () => {
    const entries: [string, string][] = [
      ['1213', 'America/Los_Angeles'],
      ['1907', 'America/Adak&America/Anchorage'],
      ['33', 'Europe/Paris'],
      ['empty', ''],
      ['clé', 'Zürich'],
    ];
    expect([...decodeStringDocument(encode(entries))]).toEqual(entries);
  });

  it('reads an empty document', () => {
    expect(decodeStringDocument(encode([])).size).toBe(0);
  });

  it('refuses a value that is not a string', () => {
    expect(() => decodeStringDocument(encode([['1', 'x']], { type: 0x10 }))).toThrow(
      /not a string/,
    );
  });

  it('refuses a document cut short or with bytes after its end', () => {
    const whole = encode([['1213', 'America/Los_Angeles']]);
    expect(() => decodeStringDocument(whole.subarray(0, whole.length - 3))).toThrow();
    expect(() => decodeStringDocument(Buffer.concat([whole, Buffer.from([0])]))).toThrow(/size/);
  });
});
