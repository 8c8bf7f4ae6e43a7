import { describe, expect, it } from 'vitest';
import { countryOfLocation, findLocation, isPlaceShaped, placeOfAddress } from './places.js';

describe('places', () => {
  it.each([
    ['Austin, TX', 'Austin, TX'],
    ['Bengaluru, Karnataka, India', 'Bengaluru, Karnataka, India'],
    ['Kharagpur, West Bengal', 'Kharagpur, West Bengal'],
    ['Zürich, Schweiz', 'Zürich, Schweiz'],
    ['Sydney, NSW', 'Sydney, NSW'],
    ['San Francisco Bay Area', 'San Francisco Bay Area'],
    ['Greater Seattle Area', 'Greater Seattle Area'],
    ['Hyderabad', 'Hyderabad'],
    ['München', 'München'],
    ['Location: Lisbon', 'Lisbon'],
    ['Address: Via Roma 12, 10121 Turin, Italy', 'Turin, Italy'],
    ['Wohnort München', 'München'],
  ])('reads %s as a place', (written, place) => {
    expect(findLocation(written)).toBe(place);
  });

  it('drops a letter an icon font left before the place', () => {
    expect(findLocation('Z Seattle, WA')).toBe('Seattle, WA');
    expect(findLocation('B Lisbon, Portugal')).toBe('Lisbon, Portugal');
  });

  it.each(['Senior Engineer, Acme', 'Springfield', 'Python, Go', 'Jan 2020 – Present'])(
    'does not read %s as a place',
    (text) => {
      expect(findLocation(text)).toBeNull();
    },
  );

  it('reduces an address to its town and country', () => {
    expect(placeOfAddress('Via Roma 12, 10121 Turin, Italy')).toBe('Turin, Italy');
    expect(placeOfAddress('Musterstraße 5, 80331 München')).toBe('München');
    expect(placeOfAddress('221B Baker Street, London NW1 6XE, UK')).toBe('London, UK');
  });

  it('tells place-shaped fragments and countries', () => {
    expect(isPlaceShaped('Springfield')).toBe(true);
    expect(isPlaceShaped('Castelnuovo del Garda')).toBe(true);
    expect(isPlaceShaped('jane@example.com')).toBe(false);
    expect(countryOfLocation('Pune, Maharashtra')).toBe('IN');
    expect(countryOfLocation('Zürich, Schweiz')).toBe('CH');
    expect(countryOfLocation('Austin, TX')).toBe('US');
  });
});
