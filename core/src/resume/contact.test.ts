import { describe, expect, it } from 'vitest';
import { makeLine } from './layout.js';
import {
  contactFragments,
  countryOfLocation,
  findEmail,
  findLocation,
  findName,
  findPhone,
  findUrls,
  normalizeLink,
} from './contact.js';

describe('contact fields', () => {
  it('finds emails and lower-cases them', () => {
    expect(findEmail('Mail: Jane.Doe@Example.COM.')).toBe('jane.doe@example.com');
    expect(findEmail('no email here')).toBeNull();
  });

  it.each([
    ['+1 (415) 555-0134', undefined, '+14155550134'],
    ['(415) 555-0134', 'US' as const, '+14155550134'],
    ['+44 20 7946 0958', undefined, '+442079460958'],
    ['0044 20 7946 0958', undefined, '+442079460958'],
    ['030 901820', 'DE' as const, '+4930901820'],
    ['+49 (0)30 901820', undefined, '+4930901820'],
  ])('reads phone %s', (written, country, expected) => {
    expect(findPhone(`Phone: ${written}`, country)).toBe(expected);
  });

  it('does not read a date range or a month-year as a phone', () => {
    expect(findPhone('2019 - 2021', 'US')).toBeNull();
    expect(findPhone('Bachelor of Technology · (2015 - 2019)', undefined)).toBeNull();
    expect(findPhone('03/2018 - 05/2020', 'US')).toBeNull();
  });

  it('finds profile links but not emails or library names', () => {
    expect(
      findUrls('jane@doe.dev | linkedin.com/in/jane | Node.js | https://jane.dev/blog'),
    ).toEqual(['linkedin.com/in/jane', 'https://jane.dev/blog']);
  });

  it('does not read a degree written like a domain as a site', () => {
    expect(findUrls('B.Tech, Electrical Engineering | M.Tech | rohit.dev')).toEqual(['rohit.dev']);
  });

  it('normalises links', () => {
    expect(normalizeLink('www.LinkedIn.com/in/jane/')).toBe('https://linkedin.com/in/jane');
    expect(normalizeLink('mailto:jane@doe.dev')).toBeNull();
  });

  it('reads locations and their countries', () => {
    expect(findLocation('Austin, TX')).toBe('Austin, TX');
    expect(findLocation('Berlin, Germany')).toBe('Berlin, Germany');
    expect(findLocation('Location: Lisbon')).toBe('Lisbon');
    expect(findLocation('Senior Engineer, Acme')).toBeNull();
    expect(countryOfLocation('Toronto, ON')).toBe('CA');
    expect(countryOfLocation('London, United Kingdom')).toBe('GB');
  });

  it('splits contact lines at their separators', () => {
    expect(contactFragments('a@b.co | +1 415 555 0134 • Austin, TX')).toEqual([
      'a@b.co',
      '+1 415 555 0134',
      'Austin, TX',
    ]);
  });

  it('takes the largest name-like line, not a heading or a title', () => {
    const lines = [
      makeLine('Curriculum Vitae', { fontSize: 28 }),
      makeLine('JANE DOE', { fontSize: 24 }),
      makeLine('Senior Engineer', { fontSize: 14 }),
      makeLine('Experience', { fontSize: 30 }),
    ];
    expect(findName(lines, [])).toBe('Jane Doe');
  });

  it('reads a name after its label, and does not join two one-word skills into a name', () => {
    expect(findName([makeLine('Name\tGiulia Romano', { fontSize: 9 })], [])).toBe('Giulia Romano');
    expect(findName([makeLine('Name Pieter de Vries', { fontSize: 9 })], [])).toBe(
      'Pieter de Vries',
    );
    const lines = [
      makeLine('Isabel Santos', { fontSize: 10 }),
      makeLine('Skills', { fontSize: 10 }),
      makeLine('SQL', { fontSize: 10 }),
      makeLine('Looker', { fontSize: 10 }),
    ];
    expect(findName(lines, [])).toBe('Isabel Santos');
  });

  it('splits a letter-spaced name that lost its spaces with the email as a guide', () => {
    expect(findName([makeLine('JANEDOE', { fontSize: 24 })], ['jane.doe'])).toBe('Jane Doe');
  });
});
