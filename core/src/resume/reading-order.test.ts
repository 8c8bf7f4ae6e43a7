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
});
