import type { LayoutLine } from './layout.js';

/** The sections a resume is cut into. `other` ends the previous section without a field of its own. */
export type SectionKind =
  | 'summary'
  | 'experience'
  | 'education'
  | 'skills'
  | 'projects'
  | 'certifications'
  | 'languages'
  | 'contact'
  | 'other';

/** Heading synonyms, lower case, without punctuation. */
const HEADINGS: Record<Exclude<SectionKind, 'other'>, string[]> = {
  summary: [
    'summary',
    'professional summary',
    'career summary',
    'executive summary',
    'profile',
    'professional profile',
    'personal profile',
    'career profile',
    'objective',
    'career objective',
    'about',
    'about me',
    'overview',
    'introduction',
    'personal statement',
    'summary of qualifications',
    'qualifications summary',
    'professional overview',
    'who i am',
    'profil',
    'kurzprofil',
    'über mich',
    'à propos',
    'perfil',
    'objetivo',
  ],
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'relevant experience',
    'career',
    'professional background',
    'positions held',
    'experience history',
    'industry experience',
    'work',
    'professional history',
    'employment experience',
    'career experience',
    'technical experience',
    'berufserfahrung',
    'expérience professionnelle',
    'experiencia',
    'experiencia laboral',
    'internships',
    'internship experience',
  ],
  education: [
    'education',
    'education and training',
    'academic background',
    'academic history',
    'academics',
    'educational background',
    'education history',
    'educational qualifications',
    'educational qualification',
    'academic qualification',
    'academic profile',
    'academic details',
    'educational details',
    'education details',
    'scholastic record',
    'qualifications',
    'academic qualifications',
    'studies',
    'schooling',
    'ausbildung',
    'formation',
    'educación',
    'education & training',
    'degrees',
    'academic',
  ],
  skills: [
    'skills',
    'technical skills',
    'core skills',
    'key skills',
    'skills summary',
    'skill set',
    'skillset',
    'technologies',
    'technology',
    'tech stack',
    'tools',
    'tools and technologies',
    'technical proficiencies',
    'core competencies',
    'competencies',
    'expertise',
    'areas of expertise',
    'technical expertise',
    'proficiencies',
    'skills and tools',
    'skills & tools',
    'skills and technologies',
    'stack',
    'programming languages',
    'technical summary',
    'kenntnisse',
    'compétences',
    'habilidades',
    'hard skills',
    'soft skills',
    'key competencies',
    'professional skills',
    'relevant skills',
    'top skills',
    'skills and expertise',
    'it skills',
    'computer skills',
    'software skills',
    'digital skills',
  ],
  projects: [
    'projects',
    'personal projects',
    'selected projects',
    'side projects',
    'key projects',
    'open source',
    'open source contributions',
    'portfolio',
    'academic projects',
    'notable projects',
  ],
  certifications: [
    'certifications',
    'certificates',
    'certification',
    'licenses',
    'licenses and certifications',
    'licenses & certifications',
    'certifications and licenses',
    'professional certifications',
    'credentials',
    'accreditations',
    'courses and certifications',
    'training and certifications',
    'certifications & training',
    'courses',
    'zertifikate',
    'zertifizierungen',
    'weiterbildung',
  ],
  languages: [
    'languages',
    'spoken languages',
    'language',
    'sprachen',
    'langues',
    'idiomas',
    'languages known',
    'known languages',
    'language proficiency',
    'linguistic skills',
    'language skills',
  ],
  contact: [
    'contact',
    'contact information',
    'contact info',
    'contact details',
    'personal information',
    'personal details',
    'persönliche daten',
    'persoenliche daten',
    'kontakt',
    'kontaktdaten',
    'coordonnées',
    'datos personales',
    'details',
    'info',
    'get in touch',
    'links',
    'social',
  ],
};

/** Headings that end a section without a field of their own. */
const OTHER_HEADINGS = [
  'awards',
  'honors',
  'honours',
  'honors and awards',
  'awards and honors',
  'achievements',
  'publications',
  'volunteer',
  'volunteering',
  'volunteer experience',
  'interests',
  'hobbies',
  'references',
  'activities',
  'extracurricular activities',
  'leadership',
  'affiliations',
  'memberships',
  'professional affiliations',
  'patents',
  'talks',
  'presentations',
  'conferences',
  'additional information',
  'additional',
  'miscellaneous',
  'research',
  'teaching',
  'hobbies and interests',
  'references available upon request',
  'leadership and activities',
  'strengths',
  'recognition',
  'positions of responsibility',
  'position of responsibility',
  'extra curricular activities',
  'co-curricular activities',
  'co curricular activities',
  'achievements and activities',
  'academic achievements',
  'scholastic achievements',
  'declaration',
  'trainings',
  'workshops',
  'seminars and workshops',
  'volunteer work',
  'community service',
  'honors-awards',
  'honors and awards',
];

const LOOKUP = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(HEADINGS)) {
  for (const name of names) LOOKUP.set(name, kind as SectionKind);
}
for (const name of OTHER_HEADINGS) LOOKUP.set(name, 'other');

/** A heading's text reduced for lookup: lower case, "&" as "and", no punctuation or numbering. */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^[\s\d.)#§]+/, '')
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The same names without spaces or "and", for headings written as one word ("WORKEXPERIENCE"). */
const SQUEEZED = new Map<string, SectionKind>();
for (const [name, kind] of LOOKUP) SQUEEZED.set(squeeze(name), kind);

function squeeze(key: string): string {
  return key.replace(/\band\b|&/g, '').replace(/[\s'-]/g, '');
}

/** Looks a heading's text up; also accepts a heading written without spaces. */
function lookup(text: string, isMarked: boolean): SectionKind | null {
  const key = headingKey(text);
  return (
    LOOKUP.get(key) ?? SQUEEZED.get(squeeze(key)) ?? (isMarked ? keywordHeading(text, key) : null)
  );
}

/** Words that name a section inside a longer heading ("Technical Skills & Tools", "Relevant Work Experience"). */
const KEYWORDS: [RegExp, SectionKind][] = [
  [/\b(?:experience|employment|work history|career history)\b/, 'experience'],
  [/\beducation(?:al)?\b/, 'education'],
  [/\b(?:skills|technologies|competencies|tech stack)\b/, 'skills'],
  [/\b(?:certifications?|certificates|licenses)\b/, 'certifications'],
  [/\b(?:summary|profile|objective)\b/, 'summary'],
  [/\bprojects\b/, 'projects'],
  [/\blanguages\b/, 'languages'],
  [/\b(?:awards|publications|volunteer|interests|references|activities|leadership)\b/, 'other'],
];

/** A short heading-shaped line (capitals or every word capitalised) that holds a section word. */
function keywordHeading(text: string, key: string): SectionKind | null {
  const words = text.trim().split(/\s+/);
  if (words.length > 5 || /[,\d]/.test(text)) return null;
  const isShaped =
    text === text.toUpperCase() ||
    words.every((word) => /^[\p{Lu}&/+-]/u.test(word) || /^(?:and|of|in|&|for|the)$/i.test(word));
  if (!isShaped) return null;
  return KEYWORDS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/**
 * The section a line opens, or null for an ordinary line. A heading is short and stands alone; a known
 * synonym counts even in body case, an unknown title only when the layout marks it (capitals, bold,
 * larger font) and it carries no sentence or value.
 */
export function classifyHeading(line: LayoutLine, bodyFontSize = 0): SectionKind | null {
  const text = line.text.replace(/\t/g, ' ').trim();
  if (text.length === 0 || text.length > 48) return null;
  const stripped = text.replace(/[:：]\s*$/, '');
  if (/[:：]/.test(stripped)) return null;
  if (/[@/\\]|\d{3}|https?|www\./i.test(stripped)) return null;
  // A heading that only contains a section word ("Technical Skills & Tools") must look like one:
  // capitals, bold or a larger font. "Cyberdyne Technologies" in body text is an employer.
  const isMarked =
    (stripped === stripped.toUpperCase() && /\p{Lu}{3}/u.test(stripped)) ||
    line.bold ||
    (bodyFontSize > 0 && line.fontSize >= bodyFontSize * 1.15);
  const known = lookup(stripped, isMarked);
  if (known !== null) return known;
  return null;
}

/** True for a line that looks like a heading by its layout alone (used to end a section). */
export function looksLikeUnknownHeading(line: LayoutLine, bodyFontSize: number): boolean {
  const text = line.text.trim();
  if (text.length < 3 || text.length > 32 || /[\d@,.:;|()]/.test(text)) return false;
  // "• ACCA" is a list item in capitals, not a title.
  if (/^[•●○◦▪▫■□►▸▹‣⁃∙·➢➤➔→✓✔❖◆◇★☆*–—-]\s/u.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 4) return false;
  const isCapitals = text === text.toUpperCase() && /\p{Lu}{3}/u.test(text);
  const isLarger = bodyFontSize > 0 && line.fontSize >= bodyFontSize * 1.25;
  return isCapitals && (isLarger || line.bold || line.gapBefore >= 1);
}
