import type { HtmlStyle } from './html-templates.js';
import type { LatexStyle } from './latex-templates.js';
import type { OfficeStyle } from './office-templates.js';
import type { OutsidePerson } from './outside-person.js';

/**
 * The held-out set: more invented people in the outside set's layouts, written after the parser's
 * work on the outside set and never used to tune it, so its score says how the rules carry over.
 */
export type HeldOutEntry =
  | { tool: 'latex'; style: LatexStyle; person: OutsidePerson }
  | { tool: 'office'; style: OfficeStyle; formats: ('docx' | 'pdf')[]; person: OutsidePerson }
  | { tool: 'html'; style: HtmlStyle; person: OutsidePerson };

export const HELD_OUT_PEOPLE: HeldOutEntry[] = [
  {
    tool: 'latex',
    style: 'moderncv',
    person: {
      id: 'held-01-ines-carvalho',
      name: 'Inês Carvalho',
      headline: 'Backend Developer',
      location: 'Porto, Portugal',
      phone: '+351 936 555 201',
      email: 'ines.carvalho@example.pt',
      links: ['github.com/inescarvalho'],
      jobs: [
        {
          title: 'Backend Developer',
          employer: 'Talkdesk',
          place: 'Porto',
          dates: '2022--Present',
          bullets: ['Build the call routing APIs in Java and Kafka.'],
        },
        {
          title: 'Junior Developer',
          employer: 'Critical Software',
          place: 'Coimbra',
          dates: '2019--2022',
          bullets: ['Wrote test tooling for railway signalling software.'],
        },
      ],
      schools: [
        {
          degree: 'MSc in Informatics Engineering',
          institution: 'Universidade de Coimbra',
          place: 'Coimbra',
          dates: '2017--2019',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Java', 'Kotlin', 'SQL'] },
        { label: 'Tools', items: ['Kafka', 'Docker'] },
      ],
      languages: ['Portuguese (native)', 'English (C1)'],
    },
  },
  {
    tool: 'latex',
    style: 'awesome',
    person: {
      id: 'held-02-noah-schneider',
      name: 'Noah Schneider',
      headline: 'Data Platform Engineer',
      location: 'Zurich',
      phone: '+41 78 555 12 34',
      email: 'noah.schneider@example.ch',
      links: ['linkedin.com/in/noahschneider'],
      summary: 'Platform engineer who keeps analytics data fresh, cheap and trustworthy.',
      jobs: [
        {
          title: 'Data Platform Engineer',
          employer: 'Swiss Re',
          place: 'Zurich, Switzerland',
          dates: 'Mar. 2021 - Present',
          bullets: ['Run the Databricks platform for 200 analysts.'],
        },
        {
          title: 'BI Developer',
          employer: 'Swisscom',
          place: 'Bern, Switzerland',
          dates: 'Sep. 2017 - Feb. 2021',
          bullets: ['Moved nightly reports from Oracle to Snowflake.'],
        },
      ],
      schools: [
        {
          institution: 'ETH Zurich',
          place: 'Zurich, Switzerland',
          degree: 'MSc Computer Science',
          dates: '2015 - 2017',
        },
      ],
      skills: [{ label: 'Data', items: ['Spark', 'Databricks', 'Snowflake', 'dbt'] }],
      languages: ['German (native)', 'English (fluent)', 'French (B2)'],
    },
  },
  {
    tool: 'latex',
    style: 'jake',
    person: {
      id: 'held-03-alex-kim',
      name: 'Alex Kim',
      phone: '(312) 555-7721',
      email: 'alex.kim@example.edu',
      links: ['linkedin.com/in/alexkim', 'github.com/alexkim'],
      location: 'Chicago, IL',
      jobs: [
        {
          title: 'Software Engineer Intern',
          employer: 'Grubhub',
          place: 'Chicago, IL',
          dates: 'June 2024 -- Aug. 2024',
          bullets: ['Built a menu import tool in Python and React.'],
        },
        {
          title: 'Research Assistant',
          employer: 'University of Illinois Chicago',
          place: 'Chicago, IL',
          dates: 'Jan. 2023 -- May 2024',
          bullets: ['Labelled and cleaned medical imaging data sets.'],
        },
      ],
      schools: [
        {
          institution: 'University of Illinois Chicago',
          place: 'Chicago, IL',
          degree: 'Bachelor of Science in Computer Science',
          dates: 'Aug. 2021 -- May 2025',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Python', 'TypeScript', 'Java'] },
        { label: 'Frameworks', items: ['React', 'FastAPI'] },
      ],
    },
  },
  {
    tool: 'latex',
    style: 'alta',
    person: {
      id: 'held-04-meera-pillai',
      name: 'Meera Pillai',
      headline: 'QA Lead',
      location: 'Pune, Maharashtra',
      phone: '+91 98220 45678',
      email: 'meera.pillai@example.in',
      summary: 'QA lead with ten years in test automation for banking apps.',
      jobs: [
        {
          title: 'QA Lead',
          employer: 'Persistent Systems',
          place: 'Pune',
          dates: 'May 2019 – Present',
          bullets: ['Lead a team of eight testers on a mobile banking app.'],
        },
        {
          title: 'Test Engineer',
          employer: 'Cognizant',
          place: 'Pune',
          dates: 'Jul 2014 – Apr 2019',
          bullets: ['Automated regression suites with Selenium.'],
        },
      ],
      schools: [
        {
          institution: 'Savitribai Phule Pune University',
          degree: 'B.E. Electronics',
          dates: '2010 – 2014',
        },
      ],
      skills: [{ items: ['Selenium', 'Appium', 'JMeter', 'Java'] }],
      certifications: ['ISTQB Certified Tester Foundation Level'],
    },
  },
  {
    tool: 'office',
    style: 'table-sidebar',
    formats: ['docx'],
    person: {
      id: 'held-05-julia-novak',
      name: 'Julia Novák',
      headline: 'Accountant',
      location: 'Prague, Czech Republic',
      phone: '+420 601 555 123',
      email: 'julia.novak@example.cz',
      jobs: [
        {
          title: 'Senior Accountant',
          employer: 'Škoda Auto',
          place: 'Mladá Boleslav',
          dates: '03/2020 – present',
          bullets: ['Prepare monthly closings under IFRS and Czech GAAP.'],
        },
        {
          title: 'Accountant',
          employer: 'Deloitte',
          place: 'Prague',
          dates: '09/2016 – 02/2020',
          bullets: ['Kept the books for twelve small clients.'],
        },
      ],
      schools: [
        {
          degree: 'Ing. Accounting and Financial Management',
          institution: 'Prague University of Economics and Business',
          dates: '2011 – 2016',
        },
      ],
      skills: [{ items: ['SAP', 'Excel', 'IFRS', 'Reporting'] }],
      languages: ['Czech (native)', 'English (B2)', 'German (A2)'],
    },
  },
  {
    tool: 'office',
    style: 'text-boxes',
    formats: ['pdf'],
    person: {
      id: 'held-06-samir-haddad',
      name: 'Samir Haddad',
      headline: 'Civil Engineer',
      location: 'Amman, Jordan',
      phone: '+962 79 555 1234',
      email: 'samir.haddad@example.jo',
      jobs: [
        {
          title: 'Site Engineer',
          employer: 'Consolidated Contractors Company',
          place: 'Amman',
          dates: 'Feb 2019 – Present',
          bullets: ['Supervise concrete works on a 20-storey tower.'],
        },
        {
          title: 'Junior Engineer',
          employer: 'Dar Al-Handasah',
          place: 'Beirut',
          dates: 'Jul 2016 – Jan 2019',
          bullets: ['Prepared quantity take-offs for road projects.'],
        },
      ],
      schools: [
        {
          institution: 'University of Jordan',
          degree: 'BSc Civil Engineering',
          dates: '2016',
        },
      ],
      skills: [{ items: ['AutoCAD', 'Primavera P6', 'ETABS'] }],
      languages: ['Arabic', 'English'],
    },
  },
  {
    tool: 'html',
    style: 'linkedin',
    person: {
      id: 'held-07-hiroshi-sato',
      name: 'Hiroshi Sato',
      headline: 'Product Manager at Rakuten',
      location: 'Tokyo, Japan',
      email: 'hiroshi.sato@example.jp',
      links: ['www.linkedin.com/in/hiroshisato'],
      summary: 'Product manager for payments and loyalty.',
      jobs: [
        {
          title: 'Senior Product Manager',
          employer: 'Rakuten',
          companyTotal: '5 years 9 months',
          dates: 'April 2022 - Present',
          duration: '2 years 9 months',
          place: 'Tokyo, Japan',
          bullets: ['Own the loyalty points checkout.'],
        },
        {
          title: 'Product Manager',
          employer: 'Rakuten',
          dates: 'April 2019 - March 2022',
          duration: '3 years',
          bullets: ['Launched QR code payments in stores.'],
        },
        {
          title: 'Business Analyst',
          employer: 'Accenture',
          dates: 'April 2016 - March 2019',
          duration: '3 years',
          place: 'Tokyo',
          bullets: ['Analysed retail banking processes.'],
          note: '1 recommendation available upon request',
        },
      ],
      schools: [
        {
          institution: 'Waseda University',
          degree: 'Bachelor of Economics - BEcon, Economics',
          dates: '2012 - 2016',
        },
      ],
      skills: [{ items: ['Product Management', 'Payments', 'SQL'] }],
      languages: ['Japanese (Native or Bilingual)', 'English (Professional Working)'],
    },
  },
  {
    tool: 'html',
    style: 'design-sidebar',
    person: {
      id: 'held-08-zoe-martin',
      name: 'Zoe Martin',
      headline: 'Event Manager',
      location: 'Melbourne, VIC',
      phone: '+61 412 555 678',
      email: 'zoe.martin@example.com.au',
      summary: 'Event manager who has run conferences for 5,000 people without losing a speaker.',
      jobs: [
        {
          title: 'Senior Event Manager',
          employer: 'Melbourne Convention Bureau',
          place: 'Melbourne',
          dates: '2020 - Present',
          bullets: ['Run eight international conferences a year.'],
        },
        {
          title: 'Event Coordinator',
          employer: 'Arts Centre Melbourne',
          place: 'Melbourne',
          dates: '2016 - 2020',
          bullets: ['Coordinated venue hire for 300 events.'],
        },
      ],
      schools: [
        {
          institution: 'RMIT University',
          degree: 'Bachelor of Business (Event Management)',
          dates: '2013 - 2016',
        },
      ],
      skills: [{ items: ['Budgeting', 'Vendor management', 'Cvent', 'Negotiation'] }],
      languages: ['English', 'Italian'],
    },
  },
  {
    tool: 'html',
    style: 'europass',
    person: {
      id: 'held-09-marek-dvorak',
      name: 'Marek Dvořák',
      location: 'Brno, Czech Republic',
      phone: '+420 777 555 321',
      email: 'marek.dvorak@example.cz',
      jobs: [
        {
          title: 'Network Engineer',
          employer: 'Kiwi.com',
          place: 'Brno (Czech Republic)',
          dates: '05/2019 – Present',
          bullets: ['Operate the office and data centre networks.'],
        },
        {
          title: 'IT Technician',
          employer: 'Masaryk University',
          place: 'Brno (Czech Republic)',
          dates: '09/2015 – 04/2019',
          bullets: ['Supported 900 staff computers.'],
        },
      ],
      schools: [
        {
          degree: 'Bachelor of Information Technology',
          institution: 'Brno University of Technology',
          place: 'Brno (Czech Republic)',
          dates: '09/2012 – 06/2015',
        },
      ],
      skills: [{ items: ['Cisco IOS', 'Juniper', 'Linux', 'Ansible'] }],
      languages: ['Czech (mother tongue)', 'English (B2)'],
      certifications: ['CCNP Enterprise'],
    },
  },
  {
    tool: 'latex',
    style: 'indian-campus',
    person: {
      id: 'held-10-rohit-das',
      name: 'Rohit Das',
      headline: 'B.Tech, Electrical Engineering',
      location: 'Bhubaneswar, Odisha',
      phone: '+91 94370 55123',
      email: 'rohit.das@example.in',
      summary: 'Aspiring power systems engineer seeking a graduate engineer role.',
      jobs: [
        {
          title: 'Summer Intern',
          employer: 'NTPC Limited',
          place: 'Talcher',
          dates: 'June 2024 – July 2024',
          bullets: ['Studied the protection relays of a 500 MW unit.'],
        },
      ],
      schools: [
        {
          degree: 'B.Tech (Electrical)',
          board: 'BPUT',
          institution: 'College of Engineering and Technology',
          place: 'Bhubaneswar',
          dates: '2021–2025',
          grade: '8.6',
        },
        {
          degree: 'Class XII',
          board: 'CHSE Odisha',
          institution: 'BJB Junior College',
          dates: '2021',
          grade: '88%',
        },
      ],
      skills: [{ label: 'Software', items: ['MATLAB', 'ETAP', 'AutoCAD'] }],
      languages: ['Odia', 'Hindi', 'English'],
      extra: [
        {
          heading: 'Extra-Curricular Activities',
          items: [{ title: 'Volunteer, Red Cross blood donation drive', dates: '2023' }],
        },
      ],
    },
  },
];
