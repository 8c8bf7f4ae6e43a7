/**
 * The content of one resume of the outside set, as its author would type it: every value is the
 * text shown on the page (dates, places and phone numbers as written), never a normalised field.
 * The labels are written separately, by hand, from what the generated documents show.
 */
export interface OutsideJob {
  title: string;
  employer: string;
  /** Department or team, for layouts that write "Title, Department — Employer". */
  department?: string;
  place?: string;
  dates: string;
  /** LinkedIn's duration in parentheses, "(3 years 2 months)". */
  duration?: string;
  /** LinkedIn's total time at a company over several roles, "5 years 3 months". */
  companyTotal?: string;
  /** A line under the entry that is not part of it ("1 recommendation available upon request"). */
  note?: string;
  bullets: string[];
}

export interface OutsideSchool {
  institution: string;
  degree: string;
  place?: string;
  dates: string;
  /** Board (CBSE, state board) in Indian education tables. */
  board?: string;
  grade?: string;
}

export interface OutsidePerson {
  id: string;
  name: string;
  headline?: string;
  /** Location as written, when the layout shows one. */
  location?: string;
  phone?: string;
  email?: string;
  /** Links as written on the page ("linkedin.com/in/x", "github.com/x", "ana.dev"). */
  links?: string[];
  summary?: string;
  jobs: OutsideJob[];
  schools: OutsideSchool[];
  skills: { label?: string; items: string[] }[];
  /** Languages as written, with levels ("English (fluent)"). */
  languages?: string[];
  certifications?: string[];
  /** Sections the parser must not mistake for experience: projects, activities, volunteering... */
  extra?: { heading: string; items: { title: string; detail?: string; dates?: string }[] }[];
}
