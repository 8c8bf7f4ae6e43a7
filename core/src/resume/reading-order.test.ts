import { describe, expect, it } from 'vitest';
import type { LayoutItem, LayoutPage } from './layout.js';
import { layoutToLines } from './reading-order.js';

const item = (text: string, x: number, y: number, fontSize = 10): LayoutItem => ({
  text,
  x,
  y,
  width: text.length * fontSize * 0.5,
  height: fontSize,
  fontSize,
  bold: false,
});

const page = (items: LayoutItem[], links: LayoutPage['links'] = []): LayoutPage => ({
  width: 612,
  height: 792,
  items,
  links,
});

describe('layoutToLines', () => {
  it('reads a two-column page column by column, under a header that spans both', () => {
    const items = [item('Jane Doe — jane@example.com — +1 415 555 0134 — Austin, TX', 40, 40, 12)];
    for (let row = 0; row < 8; row += 1) {
      items.push(item(`Left column line ${row}`, 40, 100 + row * 14));
      items.push(item(`Right column line ${row}`, 340, 100 + row * 14));
    }
    const lines = layoutToLines([page(items)]).map((line) => line.text);
    expect(lines[0]).toContain('Jane Doe');
    expect(lines.slice(1, 9)).toEqual(
      Array.from({ length: 8 }, (_, row) => `Left column line ${row}`),
    );
    expect(lines.slice(9)).toEqual(
      Array.from({ length: 8 }, (_, row) => `Right column line ${row}`),
    );
  });

  it('keeps right-aligned dates on the line of their title', () => {
    const items: LayoutItem[] = [];
    for (let row = 0; row < 10; row += 1) {
      items.push(item(`Engineer at Company ${row}`, 40, 100 + row * 14));
      items.push(item(`Jan 20${10 + row} – Dec 20${11 + row}`, 480, 100 + row * 14));
    }
    const lines = layoutToLines([page(items)]).map((line) => line.text);
    expect(lines[0]).toBe('Engineer at Company 0\tJan 2010 – Dec 2011');
    expect(lines).toHaveLength(10);
  });

  it('drops page numbers and lines repeated at the edges of every page', () => {
    const pageWith = (n: number): LayoutPage =>
      page([
        item('Jane Doe – Resume', 40, 20),
        item(`First body line on page ${n}`, 40, 100),
        item(`Second body line on page ${n}`, 40, 114),
        item(`Third body line on page ${n}`, 40, 128),
        item(`Page ${n} of 2`, 280, 770),
      ]);
    const lines = layoutToLines([pageWith(1), pageWith(2)]).map((line) => line.text);
    expect(lines.filter((line) => line.includes('Resume') || line.startsWith('Page'))).toEqual([]);
    expect(lines).toContain('Second body line on page 1');
    expect(lines).toContain('Second body line on page 2');
  });

  it('attaches a link annotation to the line it covers', () => {
    const lines = layoutToLines([
      page(
        [item('Jane Doe', 40, 40, 20), item('LinkedIn', 40, 80)],
        [{ x: 38, y: 78, width: 50, height: 14, url: 'https://linkedin.com/in/jane' }],
      ),
    ]);
    expect(lines[1]?.links).toEqual(['https://linkedin.com/in/jane']);
    expect(lines[0]?.links).toEqual([]);
  });

  it('measures gaps in line heights', () => {
    const lines = layoutToLines([
      page([item('One', 40, 100), item('Two', 40, 112), item('Three', 40, 160)]),
    ]);
    expect(lines[1]?.gapBefore).toBeLessThan(0.5);
    expect(lines[2]?.gapBefore).toBeGreaterThan(2);
  });

  it('reads a date column beside its entries row by row (moderncv), not as a column', () => {
    const items: LayoutItem[] = [];
    let y = 100;
    for (const [dates, title] of [
      ['2021–Present', 'Senior Data Scientist, Feedzai, Lisbon'],
      ['2018–2021', 'Data Analyst, Banco BPI, Porto'],
      ['2015–2018', 'Analyst, Deloitte, Lisbon'],
    ] as const) {
      items.push(item(dates, 60, y), item(title, 160, y));
      for (let bullet = 1; bullet <= 3; bullet += 1)
        items.push(
          item(`• A sentence about the work done there, number ${bullet}.`, 160, y + bullet * 14),
        );
      y += 70;
    }
    const lines = layoutToLines([page(items)]).map((line) => line.text);
    expect(lines[0]).toBe('2021–Present\tSenior Data Scientist, Feedzai, Lisbon');
    expect(lines[4]).toBe('2018–2021\tData Analyst, Banco BPI, Porto');
  });

  it('reads a European CV: labels set flush right beside the content, section titles by rules', () => {
    const items: LayoutItem[] = [];
    const label = (text: string, y: number): LayoutItem => {
      const width = text.length * 5;
      return { ...item(text, 150 - width, y), width };
    };
    items.push(label('WORK', 100), label('EXPERIENCE', 112));
    items.push(label('01/2018 – Present', 130), item('Supplier Quality Engineer', 170, 130));
    items.push(item('Stellantis, Turin (Italy)', 170, 142), item('• Audits suppliers.', 180, 154));
    items.push(label('09/2013 – 12/2017', 176), item('Quality Technician', 170, 176));
    items.push(
      item('Magneti Marelli, Venaria Reale', 170, 188),
      item('• Ran 8D reports.', 180, 200),
    );
    items.push(label('EDUCATION', 224), label('TRAINING', 236));
    items.push(label('09/2011 – 07/2013', 254), item('MSc Mechanical Engineering', 170, 254));
    items.push(item('Politecnico di Torino, Turin', 170, 266));
    const lines = layoutToLines([page(items)]).map((line) => line.text);
    expect(lines).toContain('01/2018 – Present\tSupplier Quality Engineer');
    expect(lines.indexOf('Stellantis, Turin (Italy)')).toBe(
      lines.indexOf('01/2018 – Present\tSupplier Quality Engineer') + 1,
    );
  });

  it('keeps the stretched spaces of a justified cell around small words, and splits real cells', () => {
    const words: [string, number][] = [
      ['B.Tech', 40],
      ['BPUT', 120],
      ['College', 200],
      ['of', 239],
      ['Engineering', 258],
      ['and', 313],
      ['Technology', 336],
      ['2021–2025', 440],
    ];
    const lines = layoutToLines([
      page(words.map(([text, x]) => ({ ...item(text, x, 100, 9), width: text.length * 4 }))),
    ]);
    expect(lines[0]?.text).toBe('B.Tech\tBPUT\tCollege of Engineering and Technology\t2021–2025');
  });
});
