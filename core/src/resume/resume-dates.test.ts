import { describe, expect, it } from 'vitest';
import { findDates, hasDateRange, normalizeDate, removeDates } from './resume-dates.js';

describe('findDates', () => {
  it.each([
    ['Jan 2020 – Present', '2020-01', 'present'],
    ['January 2018 - March 2020', '2018-01', '2020-03'],
    ['2019-2021', '2019', '2021'],
    ['2019 – 2021', '2019', '2021'],
    ['03/2018 - 05/2020', '2018-03', '2020-05'],
    ['3/2018 – current', '2018-03', 'present'],
    ['2018-03 to 2020-11', '2018-03', '2020-11'],
    ['Summer 2022', null, '2022-06'],
    ['Sept. 2017 – Jun. 2019', '2017-09', '2019-06'],
    ["Jan '19 – Dec '20", '2019-01', '2020-12'],
    ['Jan – Mar 2021', '2021-01', '2021-03'],
    ['Since 2020', '2020', 'present'],
    ['Expected May 2026', null, '2026-05'],
    ['Oct 2015 — Now', '2015-10', 'present'],
    ['2016.04 - 2019.12', '2016-04', '2019-12'],
    ['Fall 2019 - Spring 2021', '2019-09', '2021-03'],
  ])('%s', (text, start, end) => {
    const found = findDates(`Engineer, Acme ${text}`);
    expect(found?.start ?? null).toBe(start);
    expect(found?.end ?? null).toBe(end);
  });

  it('finds nothing in plain words', () => {
    expect(findDates('Built a payments API in Go')).toBeNull();
  });

  it('does not read a phone number as a year', () => {
    expect(findDates('+1 415 555 2019')).toBeNull();
  });
});

describe('normalizeDate', () => {
  it('rejects month 13', () => {
    expect(normalizeDate('13/2020')).toBeNull();
  });
  it('reads present words', () => {
    expect(normalizeDate('Present')).toBe('present');
  });
});

describe('hasDateRange and removeDates', () => {
  it('treats a year inside a sentence as no range', () => {
    expect(hasDateRange('Grew revenue 20% in 2021 by launching a new product line')).toBe(false);
  });
  it('removes the date and separators', () => {
    const text = 'Senior Engineer | Acme Corp | Jan 2020 – Present';
    const found = findDates(text);
    expect(found).not.toBeNull();
    expect(removeDates(text, found!)).toBe('Senior Engineer | Acme Corp');
  });
  it('removes parenthesised dates', () => {
    const text = 'Acme Corp (2019 – 2021)';
    expect(removeDates(text, findDates(text)!)).toBe('Acme Corp');
  });
});
