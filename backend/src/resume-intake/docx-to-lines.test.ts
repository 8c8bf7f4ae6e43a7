import { describe, expect, it } from 'vitest';
import { writeDocx } from './benchmark/docx-writer.js';
import { docxToLines } from './docx-to-lines.js';
import { readDocxParts } from './read-docx-parts.js';

describe('docxToLines', () => {
  it('reads paragraphs, table cells, bold, sizes, bullets, tabs and hyperlink targets', async () => {
    const data = writeDocx([
      { runs: [{ text: 'Jane Doe', bold: true, sizePt: 22 }], style: 'Title' },
      { runs: [{ text: 'LinkedIn', link: 'https://linkedin.com/in/jane' }] },
      { runs: [{ text: 'Engineer, Acme\t2020 - 2021' }] },
      { runs: [{ text: 'Built it & shipped it' }], isBullet: true },
      { cells: [[{ runs: [{ text: 'Left cell' }] }], [{ runs: [{ text: 'Right cell' }] }]] },
    ]);
    const lines = docxToLines(await readDocxParts(data));
    expect(lines.map((line) => line.text)).toEqual([
      'Jane Doe',
      'LinkedIn',
      'Engineer, Acme\t2020 - 2021',
      '• Built it & shipped it',
      'Left cell',
      'Right cell',
    ]);
    expect(lines[0]).toMatchObject({ bold: true, fontSize: 22 });
    expect(lines[1]?.links).toEqual(['https://linkedin.com/in/jane']);
  });

  it('refuses a document with a DTD', () => {
    expect(() =>
      docxToLines({
        document: '<!DOCTYPE x [<!ENTITY a "b">]><w:document/>',
        relationships: null,
        headers: [],
      }),
    ).toThrow(/entity/);
  });

  it('reads the page header first, once', () => {
    const paragraph = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const lines = docxToLines({
      document: `<w:document><w:body>${paragraph('Experience')}</w:body></w:document>`,
      relationships: null,
      headers: [
        `<w:hdr>${paragraph('Jane Doe')}</w:hdr>`,
        `<w:hdr>${paragraph('Jane Doe')}</w:hdr>`,
      ],
    });
    expect(lines.map((line) => line.text)).toEqual(['Jane Doe', 'Experience']);
  });
});
