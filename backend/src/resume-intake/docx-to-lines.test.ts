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
      'Left cell\tRight cell',
    ]);
    expect(lines[0]).toMatchObject({ bold: true, fontSize: 22 });
    expect(lines[1]?.links).toEqual(['https://linkedin.com/in/jane']);
  });

  it('reads a table row of short cells as one line, a dated block beside its dates, a layout row cell by cell', () => {
    const cell = (...texts: string[]): string =>
      `<w:tc>${texts.map((text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`).join('')}</w:tc>`;
    const row = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
    const lines = docxToLines({
      document: `<w:document><w:body><w:tbl>${row(cell('Degree'), cell('Institution'), cell('Year'))}${row(
        cell('B.E.'),
        cell('Anna University'),
        cell('2022'),
      )}</w:tbl><w:tbl>${row(cell('2019 – Present'), cell('Engineer | Acme', 'Built the API.'))}</w:tbl><w:tbl>${row(
        cell('CONTACT', 'jane@example.com', 'SKILLS', 'Go'),
        cell('Experience', 'Engineer, Acme', 'Built it.'),
      )}</w:tbl></w:body></w:document>`,
      relationships: null,
      headers: [],
    });
    expect(lines.map((line) => line.text)).toEqual([
      'Degree\tInstitution\tYear',
      'B.E.\tAnna University\t2022',
      '2019 – Present\tEngineer | Acme',
      'Built the API.',
      'CONTACT',
      'jane@example.com',
      'SKILLS',
      'Go',
      'Experience',
      'Engineer, Acme',
      'Built it.',
    ]);
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
