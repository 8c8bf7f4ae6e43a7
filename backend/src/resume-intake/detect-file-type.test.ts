import { describe, expect, it } from 'vitest';
import { decodeText, detectFileType } from './detect-file-type.js';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

describe('detectFileType', () => {
  it('types by content, not by name', () => {
    expect(detectFileType(bytes('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectFileType(bytes('junk before the header %PDF-1.4'))).toBe('pdf');
    expect(detectFileType(bytes('PK\u0003\u0004rest'))).toBe('docx');
    expect(
      detectFileType(new Uint8Array(Buffer.from('Jane Doe\nEngineer — Zürich\n', 'utf8'))),
    ).toBe('text');
  });

  it.each([
    ['an old .doc', bytes('\u00d0\u00cf\u0011\u00e0rest'), /\.doc/],
    ['a PNG', bytes('\u0089PNG\r\n'), /image/],
    ['a JPEG', bytes('\u00ff\u00d8\u00ff\u00e0'), /image/],
    ['RTF', bytes('{\\rtf1 hello}'), /RTF/],
    ['binary', bytes('\u0000\u0001\u0002hello'), /not a PDF/],
  ])('refuses %s with a reason', (_name, data, reason) => {
    expect(() => detectFileType(data)).toThrow(reason);
  });

  it('refuses an empty file', () => {
    expect(() => detectFileType(new Uint8Array(0))).toThrow(/empty/);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and UTF-16', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('A');
  });
  it('reads Windows-1252 text that is not UTF-8', () => {
    expect(decodeText(new Uint8Array([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9]))).toBe('Résumé');
  });
  it('rejects binary', () => {
    expect(decodeText(new Uint8Array([0xc3, 0x00, 0x28]))).toBeNull();
  });
});
