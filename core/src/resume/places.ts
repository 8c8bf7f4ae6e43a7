import type { CountryCode } from 'libphonenumber-js';
import { COMPANY_WORDS, SCHOOL_WORDS } from './entry-words.js';

/**
 * Places as resumes write them: "Austin, TX", "Bengaluru, Karnataka, India", "Zürich, Schweiz",
 * "San Francisco Bay Area", a labelled address ("Address: Via Roma 12, 10121 Turin, Italy" gives
 * "Turin, Italy"), and bare cities ("Austin", "Hyderabad") when a list of well-known cities names them
 * or the line around them is a contact line.
 */

const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC';
const CANADIAN_PROVINCES = 'ON|QC|BC|AB|MB|SK|NS|NB|NL|PE';
const AUSTRALIAN_STATES = 'NSW|VIC|QLD|WA|SA|TAS|ACT|NT';

/** Country names (English and local spellings) and their codes. */
export const COUNTRIES: Record<string, CountryCode> = {
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  us: 'US',
  'united kingdom': 'GB',
  uk: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  germany: 'DE',
  deutschland: 'DE',
  france: 'FR',
  spain: 'ES',
  españa: 'ES',
  italy: 'IT',
  italia: 'IT',
  netherlands: 'NL',
  'the netherlands': 'NL',
  nederland: 'NL',
  canada: 'CA',
  australia: 'AU',
  india: 'IN',
  ireland: 'IE',
  portugal: 'PT',
  poland: 'PL',
  polska: 'PL',
  sweden: 'SE',
  sverige: 'SE',
  norway: 'NO',
  norge: 'NO',
  denmark: 'DK',
  danmark: 'DK',
  finland: 'FI',
  suomi: 'FI',
  switzerland: 'CH',
  schweiz: 'CH',
  suisse: 'CH',
  svizzera: 'CH',
  austria: 'AT',
  österreich: 'AT',
  belgium: 'BE',
  belgië: 'BE',
  belgique: 'BE',
  luxembourg: 'LU',
  brazil: 'BR',
  brasil: 'BR',
  mexico: 'MX',
  méxico: 'MX',
  japan: 'JP',
  singapore: 'SG',
  'new zealand': 'NZ',
  israel: 'IL',
  'south africa': 'ZA',
  nigeria: 'NG',
  kenya: 'KE',
  ghana: 'GH',
  ethiopia: 'ET',
  uganda: 'UG',
  tanzania: 'TZ',
  rwanda: 'RW',
  morocco: 'MA',
  tunisia: 'TN',
  algeria: 'DZ',
  egypt: 'EG',
  argentina: 'AR',
  chile: 'CL',
  colombia: 'CO',
  peru: 'PE',
  uruguay: 'UY',
  ecuador: 'EC',
  venezuela: 'VE',
  'costa rica': 'CR',
  ukraine: 'UA',
  russia: 'RU',
  belarus: 'BY',
  romania: 'RO',
  bulgaria: 'BG',
  serbia: 'RS',
  croatia: 'HR',
  slovenia: 'SI',
  slovakia: 'SK',
  greece: 'GR',
  cyprus: 'CY',
  malta: 'MT',
  'czech republic': 'CZ',
  czechia: 'CZ',
  hungary: 'HU',
  lithuania: 'LT',
  latvia: 'LV',
  estonia: 'EE',
  iceland: 'IS',
  china: 'CN',
  'hong kong': 'HK',
  taiwan: 'TW',
  korea: 'KR',
  'south korea': 'KR',
  philippines: 'PH',
  vietnam: 'VN',
  thailand: 'TH',
  malaysia: 'MY',
  indonesia: 'ID',
  bangladesh: 'BD',
  'sri lanka': 'LK',
  nepal: 'NP',
  pakistan: 'PK',
  turkey: 'TR',
  türkiye: 'TR',
  uae: 'AE',
  'united arab emirates': 'AE',
  'saudi arabia': 'SA',
  qatar: 'QA',
  kuwait: 'KW',
  bahrain: 'BH',
  oman: 'OM',
  jordan: 'JO',
  lebanon: 'LB',
  kazakhstan: 'KZ',
};

/** States and provinces written after a city, where no country follows. */
const REGIONS: Record<string, CountryCode> = {
  'andhra pradesh': 'IN',
  assam: 'IN',
  bihar: 'IN',
  chhattisgarh: 'IN',
  delhi: 'IN',
  goa: 'IN',
  gujarat: 'IN',
  haryana: 'IN',
  'himachal pradesh': 'IN',
  jharkhand: 'IN',
  karnataka: 'IN',
  kerala: 'IN',
  'madhya pradesh': 'IN',
  maharashtra: 'IN',
  odisha: 'IN',
  punjab: 'IN',
  rajasthan: 'IN',
  'tamil nadu': 'IN',
  telangana: 'IN',
  'uttar pradesh': 'IN',
  uttarakhand: 'IN',
  'west bengal': 'IN',
  'new south wales': 'AU',
  victoria: 'AU',
  queensland: 'AU',
  bavaria: 'DE',
  bayern: 'DE',
  ontario: 'CA',
  quebec: 'CA',
  'british columbia': 'CA',
  alberta: 'CA',
  california: 'US',
  texas: 'US',
  'new york': 'US',
  washington: 'US',
  massachusetts: 'US',
  illinois: 'US',
  florida: 'US',
  'île-de-france': 'FR',
};

/**
 * Cities people write on their own ("Austin", "Hyderabad", "München"): the larger cities of the
 * countries resumes most often come from, with local spellings. A bare word found here reads as a
 * place in a header or a contact block, and as the place of an entry ("Feedzai, Lisbon").
 */
const CITIES = new Set(
  `new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|austin|
san jose|san francisco|seattle|denver|boston|atlanta|miami|washington|nashville|portland|las vegas|
detroit|minneapolis|pittsburgh|charlotte|raleigh|salt lake city|baltimore|columbus|indianapolis|
st. louis|kansas city|cleveland|cincinnati|orlando|tampa|sacramento|oakland|palo alto|mountain view|
sunnyvale|cupertino|redmond|bellevue|cambridge|brooklyn|jersey city|newark|honolulu|anchorage|
toronto|montreal|montréal|vancouver|calgary|ottawa|edmonton|waterloo|quebec city|winnipeg|halifax|
london|manchester|birmingham|leeds|glasgow|edinburgh|liverpool|bristol|sheffield|newcastle|
nottingham|cardiff|belfast|oxford|brighton|southampton|leicester|coventry|canterbury|york|
aberdeen|dublin|cork|galway|limerick|
paris|lyon|marseille|toulouse|lille|nantes|bordeaux|strasbourg|montpellier|rennes|grenoble|
berlin|hamburg|munich|münchen|cologne|köln|frankfurt|stuttgart|düsseldorf|dusseldorf|leipzig|
dresden|hanover|hannover|nuremberg|nürnberg|bremen|essen|dortmund|bonn|karlsruhe|mannheim|aachen|
heidelberg|darmstadt|augsburg|
vienna|wien|graz|linz|salzburg|innsbruck|zurich|zürich|geneva|genève|basel|bern|lausanne|lugano|
amsterdam|rotterdam|the hague|utrecht|eindhoven|groningen|delft|brussels|bruxelles|antwerp|
antwerpen|ghent|gent|leuven|luxembourg|
madrid|barcelona|valencia|seville|sevilla|bilbao|malaga|málaga|zaragoza|lisbon|lisboa|porto|
braga|coimbra|rome|roma|milan|milano|turin|torino|naples|napoli|florence|firenze|bologna|genoa|
genova|venice|venezia|padua|padova|verona|pisa|
stockholm|gothenburg|göteborg|malmö|uppsala|oslo|bergen|trondheim|copenhagen|københavn|aarhus|
helsinki|espoo|tampere|reykjavik|tallinn|riga|vilnius|
warsaw|warszawa|kraków|krakow|wrocław|wroclaw|gdańsk|gdansk|poznań|poznan|łódź|lodz|katowice|
prague|praha|brno|bratislava|budapest|bucharest|bucurești|cluj-napoca|sofia|belgrade|beograd|
novi sad|zagreb|ljubljana|sarajevo|skopje|tirana|athens|thessaloniki|nicosia|valletta|
kyiv|kiev|lviv|kharkiv|odesa|minsk|moscow|saint petersburg|istanbul|ankara|izmir|
tel aviv|jerusalem|haifa|dubai|abu dhabi|sharjah|doha|riyadh|jeddah|kuwait city|manama|muscat|
amman|beirut|cairo|alexandria|casablanca|rabat|marrakesh|tunis|algiers|
lagos|abuja|ibadan|port harcourt|accra|nairobi|mombasa|kampala|kigali|addis ababa|dar es salaam|
johannesburg|cape town|durban|pretoria|
mumbai|bombay|delhi|new delhi|bengaluru|bangalore|hyderabad|chennai|madras|kolkata|calcutta|pune|
ahmedabad|jaipur|surat|lucknow|kanpur|nagpur|indore|bhopal|visakhapatnam|vadodara|coimbatore|
kochi|cochin|thiruvananthapuram|trivandrum|mysuru|mysore|mangaluru|mangalore|chandigarh|noida|
gurugram|gurgaon|ghaziabad|faridabad|patna|bhubaneswar|guwahati|ranchi|dehradun|nashik|
aurangabad|madurai|tiruchirappalli|vijayawada|warangal|kharagpur|vellore|manipal|
karachi|lahore|islamabad|rawalpindi|faisalabad|dhaka|chittagong|colombo|kathmandu|
singapore|kuala lumpur|penang|jakarta|bandung|surabaya|bangkok|chiang mai|manila|quezon city|
cebu|makati|taguig|ho chi minh city|hanoi|da nang|hong kong|taipei|hsinchu|seoul|busan|
tokyo|osaka|kyoto|yokohama|nagoya|fukuoka|sapporo|kobe|beijing|shanghai|shenzhen|guangzhou|
hangzhou|chengdu|nanjing|wuhan|xi'an|suzhou|
sydney|melbourne|brisbane|perth|adelaide|canberra|hobart|auckland|wellington|christchurch|
mexico city|ciudad de méxico|guadalajara|monterrey|puebla|tijuana|querétaro|
são paulo|sao paulo|rio de janeiro|belo horizonte|brasília|brasilia|curitiba|porto alegre|recife|
florianópolis|buenos aires|córdoba|cordoba|rosario|santiago|lima|bogotá|bogota|medellín|medellin|
cali|quito|caracas|montevideo|san josé|panama city`
    .split(/\|\s*/)
    .map((city) => city.trim())
    .filter((city) => city !== ''),
);

const countryNames = Object.keys(COUNTRIES)
  .sort((a, b) => b.length - a.length)
  .join('|');
const regionNames = Object.keys(REGIONS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const PLACE = `[\\p{Lu}][\\p{L}.'’ -]+`;

const LOCATION_US = new RegExp(
  `^${PLACE},\\s*(?:${US_STATES})(?:\\s+\\d{5})?(?:,\\s*(?:USA|US|United States))?$`,
  'u',
);
const LOCATION_CA = new RegExp(`^${PLACE},\\s*(?:${CANADIAN_PROVINCES})(?:,\\s*Canada)?$`, 'u');
const LOCATION_AU = new RegExp(`^${PLACE},\\s*(?:${AUSTRALIAN_STATES})(?:,\\s*Australia)?$`, 'u');
const LOCATION_COUNTRY = new RegExp(`^${PLACE}(?:,\\s*${PLACE})?,\\s*(?:${countryNames})$`, 'iu');
const LOCATION_REGION = new RegExp(
  `^${PLACE},\\s*(?:${regionNames})(?:,\\s*(?:${countryNames}))?$`,
  'iu',
);
/** LinkedIn's metro areas: "San Francisco Bay Area", "Greater Seattle Area", "Berlin Metropolitan Area". */
const METRO_AREA = /^(?:Greater\s+)?[\p{Lu}][\p{L}.' -]{1,40}\s(?:Bay\s)?(?:Metropolitan\s)?Area$/u;
const LABELLED =
  /^(?:(?:location|address|adresse|anschrift|wohnort|wohnhaft in|indirizzo|dirección|domicile|residence|current location|place of residence)\s*(?:[:：–-]\s*|\s+)|(?:home|city|based in|lives in)\s*[:：]\s*)(\S.*)$/i;
/** A leading letter left by an icon font without a text mapping (marvosym's "B" before a city). */
const ICON_LETTER = /^[A-Za-z]\s+(?=\p{Lu})/u;

/** True for a line that labels a place ("Address: ...", "Wohnort München"). */
export function isLabelledPlace(text: string): boolean {
  return LABELLED.test(text.trim());
}

/** True for a known city, written alone ("Hyderabad", "München"). */
export function isKnownCity(text: string): boolean {
  return CITIES.has(text.trim().toLowerCase());
}

/**
 * A place written the way places are written: a city with its state, region or country, a metro
 * area, "Remote". A bare city counts only when it is a well-known one.
 */
export function findLocation(fragment: string): string | null {
  const text = fragment.trim().replace(/[.;,]$/, '');
  const labelled = LABELLED.exec(text);
  if (labelled?.[1] !== undefined) return placeOfAddress(labelled[1].trim()) ?? labelled[1].trim();
  if (text.length > 60 || /\d{3,}(?!\d*$)|@|https?:|www\./i.test(text)) return null;
  // A letter left by an icon font goes first: "Z Seattle, WA" would otherwise read as a town.
  const withoutIcon = text.replace(ICON_LETTER, '');
  if (withoutIcon !== text && (isWrittenPlace(withoutIcon) || isKnownCity(withoutIcon)))
    return withoutIcon;
  if (isWrittenPlace(text) || isKnownCity(text)) return text;
  return null;
}

function isWrittenPlace(text: string): boolean {
  // "University of Kent, Canterbury, UK" is an institution with its place, not a place.
  if (SCHOOL_WORDS.test(text) || COMPANY_WORDS.test(text.split(',')[0] ?? '')) return false;
  return (
    LOCATION_US.test(text) ||
    LOCATION_CA.test(text) ||
    LOCATION_AU.test(text) ||
    LOCATION_COUNTRY.test(text) ||
    LOCATION_REGION.test(text) ||
    METRO_AREA.test(text) ||
    /^remote(?:\s*\(.+\))?$/i.test(text)
  );
}

/**
 * A postal address reduced to its place: street and postal code dropped ("Via Roma 12, 10121 Turin,
 * Italy" → "Turin, Italy"). Null when nothing place-like is left.
 */
export function placeOfAddress(address: string): string | null {
  const parts = address
    .split(/,\s*/)
    .map((part) =>
      part
        .trim()
        // Postal codes before or after the town: "10121 Turin", "Paris 75011", "SW1A 1AA".
        .replace(/^(?:[A-Z]{1,2}-)?\d{4,6}\s+/, '')
        .replace(/\s+\d{4,6}$/, '')
        .replace(/\s*\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b\s*/, ' ')
        .trim(),
    )
    .filter((part) => part !== '' && !/\d/.test(part));
  if (parts.length === 0) return null;
  const place = parts.slice(-2).join(', ');
  const last = parts.at(-1) ?? '';
  if (parts.length >= 2 && !isCountryOrRegion(last) && !isWrittenPlace(place))
    return parts.at(-1) ?? null;
  return place;
}

function isCountryOrRegion(text: string): boolean {
  const key = text.trim().toLowerCase();
  return COUNTRIES[key] !== undefined || REGIONS[key] !== undefined;
}

/**
 * A fragment shaped like a place name, for a contact line where a bare city is expected: one to
 * four capitalised words of letters.
 */
export function isPlaceShaped(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words.length > 4 || text.length > 40) return false;
  return words.every(
    (word) =>
      /^[\p{Lu}][\p{Ll}'’.-]+$/u.test(word) ||
      /^(?:de|da|del|la|le|am|an|upon|on|sur|di|do|dos|das)$/.test(word),
  );
}

/** A country named in a location ("Berlin, Germany" → DE; "Austin, TX" → US; "Pune, Maharashtra" → IN). */
export function countryOfLocation(location: string | null): CountryCode | undefined {
  if (location === null) return undefined;
  if (new RegExp(`,\\s*(?:${US_STATES})\\b`).test(location)) return 'US';
  if (new RegExp(`,\\s*(?:${CANADIAN_PROVINCES})\\b`).test(location)) return 'CA';
  const parts = location.split(',').map((part) => part.trim().toLowerCase());
  for (const part of parts.reverse()) {
    const code = COUNTRIES[part] ?? REGIONS[part];
    if (code !== undefined) return code;
  }
  return undefined;
}
