import { describe, expect, it } from 'vitest';
import { assertNameMatchesType, decodeText, detectFileType } from './detect-file-type.js';

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

  it.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><body>Jane</body></html>'],
    ['an HTML fragment with a script', 'Jane Doe\n<script>fetch("/x")</script>\n'],
    ['a page that opens with a comment', '<!-- saved -->\n<html lang="en"><p>Jane</p>'],
    ['an event handler', 'Jane Doe\n<img src=x onerror="alert(1)">'],
    ['SVG', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'],
  ])('refuses %s as a web page, whatever it is named', (_name, text) => {
    expect(() => detectFileType(bytes(text))).toThrow(/web page \(HTML\)/);
  });

  it('keeps a text resume that merely mentions JavaScript or uses angle brackets', () => {
    const text = 'Jane Doe\nSkills: JavaScript: ES2022, <b>TypeScript</b>, C++ <-> Rust\n';
    expect(detectFileType(bytes(text))).toBe('text');
  });

  it('refuses an empty file', () => {
    expect(() => detectFileType(new Uint8Array(0))).toThrow(/empty/);
  });
});

describe('assertNameMatchesType', () => {
  it('accepts a name that agrees with the bytes, or claims nothing', () => {
    expect(() => assertNameMatchesType('CV.PDF', 'pdf')).not.toThrow();
    expect(() => assertNameMatchesType('cv.docx', 'docx')).not.toThrow();
    expect(() => assertNameMatchesType('cv.txt', 'text')).not.toThrow();
    expect(() => assertNameMatchesType('resume', 'pdf')).not.toThrow();
  });

  it('refuses a .pdf or .docx name over other bytes, saying what the file is', () => {
    expect(() => assertNameMatchesType('resume.pdf', 'text')).toThrow(
      /named \.pdf but it is a plain text file, not a PDF/,
    );
    expect(() => assertNameMatchesType('resume.docx', 'pdf')).toThrow(
      /named \.docx but it is a PDF, not a Word document/,
    );
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
