import type { OfficeStyle } from './office-templates.js';
import type { OutsidePerson } from './outside-person.js';

/** Invented people written in LibreOffice, each with its layout and the formats it is saved in. */
export const OFFICE_PEOPLE: {
  style: OfficeStyle;
  formats: ('docx' | 'pdf')[];
  person: OutsidePerson;
}[] = [
  {
    style: 'table-sidebar',
    formats: ['docx', 'pdf'],
    person: {
      id: 'table-01-laura-schmidt',
      name: 'Laura Schmidt',
      headline: 'HR Business Partner',
      location: 'Hamburg, Germany',
      phone: '+49 170 9876543',
      email: 'laura.schmidt@example.de',
      links: ['linkedin.com/in/lauraschmidt'],
      summary: 'HR business partner for tech teams, focused on hiring, growth and fair pay.',
      jobs: [
        {
          title: 'HR Business Partner',
          employer: 'Otto Group',
          place: 'Hamburg',
          dates: '05/2020 – present',
          bullets: [
            'Partner for 300 engineers across eight product areas.',
            'Introduced structured interviews for all technical roles.',
          ],
        },
        {
          title: 'Recruiter',
          employer: 'XING',
          place: 'Hamburg',
          dates: '09/2016 – 04/2020',
          bullets: ['Hired 70 engineers and product managers.'],
        },
      ],
      schools: [
        {
          degree: 'M.A. Human Resource Management',
          institution: 'Universität Hamburg',
          dates: '2014 – 2016',
        },
      ],
      skills: [{ items: ['Recruiting', 'Workday', 'Compensation', 'Coaching'] }],
      languages: ['German (native)', 'English (C1)'],
    },
  },
  {
    style: 'table-sidebar',
    formats: ['docx', 'pdf'],
    person: {
      id: 'table-02-carlos-rivera',
      name: 'Carlos Rivera',
      headline: 'Operations Manager',
      location: 'Houston, TX',
      phone: '(713) 874-2290',
      email: 'carlos.rivera@example.com',
      jobs: [
        {
          title: 'Operations Manager',
          employer: 'Sysco',
          place: 'Houston, TX',
          dates: 'Jan 2019 – Present',
          bullets: [
            'Run a distribution center with 180 staff and 40 trucks.',
            'Cut order picking errors by 35%.',
          ],
        },
        {
          title: 'Shift Supervisor',
          employer: 'Amazon',
          place: 'Katy, TX',
          dates: 'Jun 2015 – Dec 2018',
          bullets: ['Led a night shift of 60 associates.'],
        },
      ],
      schools: [
        {
          degree: 'B.B.A. Supply Chain Management',
          institution: 'University of Houston',
          dates: '2011 – 2015',
        },
      ],
      skills: [{ items: ['Lean', 'Six Sigma', 'SAP', 'Forklift safety'] }],
      languages: ['English', 'Spanish'],
      certifications: ['Lean Six Sigma Green Belt'],
    },
  },
  {
    style: 'table-rows',
    formats: ['docx', 'pdf'],
    person: {
      id: 'table-03-sarah-cohen',
      name: 'Sarah Cohen',
      location: 'Tel Aviv, Israel',
      phone: '+972 52 123 4567',
      email: 'sarah.cohen@example.co.il',
      links: ['github.com/sarahcohen'],
      summary: 'Backend developer with eight years in Python and distributed systems.',
      jobs: [
        {
          title: 'Team Lead',
          department: 'Publishing Platform',
          employer: 'Wix',
          place: 'Tel Aviv',
          dates: '2021 – Present',
          bullets: ['Lead six developers on the site publishing pipeline.'],
        },
        {
          title: 'Backend Developer',
          employer: 'Check Point Software',
          place: 'Tel Aviv',
          dates: '2016 – 2021',
          bullets: [
            'Built the threat intelligence ingestion service.',
            'Moved the team from Python 2 to Python 3.',
          ],
        },
      ],
      schools: [
        {
          degree: 'B.Sc. Computer Science',
          institution: 'Tel Aviv University',
          dates: '2016',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Python', 'Go', 'SQL'] },
        { label: 'Systems', items: ['Kafka', 'Elasticsearch', 'GCP'] },
      ],
      languages: ['Hebrew', 'English'],
    },
  },
  {
    style: 'table-rows',
    formats: ['docx', 'pdf'],
    person: {
      id: 'table-04-thomas-berg',
      name: 'Thomas Berg',
      location: 'Oslo, Norway',
      phone: '+47 912 34 567',
      email: 'thomas.berg@example.no',
      jobs: [
        {
          title: 'Senior Consultant',
          employer: 'Bekk Consulting',
          place: 'Oslo',
          dates: 'Aug 2018 – Present',
          bullets: ['Delivered public-sector case management systems in Kotlin.'],
        },
        {
          title: 'Developer',
          employer: 'DNB',
          place: 'Oslo',
          dates: 'Aug 2014 – Jul 2018',
          bullets: ['Built the mobile bank payment flows.'],
        },
      ],
      schools: [
        {
          degree: 'Master of Science in Informatics',
          institution: 'University of Oslo',
          dates: '2014',
        },
      ],
      skills: [{ label: 'Technologies', items: ['Kotlin', 'Spring Boot', 'React', 'Azure'] }],
      languages: ['Norwegian', 'English'],
      certifications: ['Azure Developer Associate'],
    },
  },
  {
    style: 'text-boxes',
    formats: ['docx', 'pdf'],
    person: {
      id: 'textbox-01-isabel-santos',
      name: 'Isabel Santos',
      headline: 'Marketing Manager',
      location: 'São Paulo, Brazil',
      phone: '+55 11 91234 5678',
      email: 'isabel.santos@example.com.br',
      links: ['linkedin.com/in/isabelsantos'],
      summary: 'Growth marketer with a record of profitable paid acquisition in fintech.',
      jobs: [
        {
          title: 'Marketing Manager',
          employer: 'Nubank',
          place: 'São Paulo',
          dates: 'Mar 2021 – Present',
          bullets: [
            'Own a monthly paid media budget of R$ 4 million.',
            'Launched referral campaigns that brought 600k customers.',
          ],
        },
        {
          title: 'Performance Analyst',
          employer: 'iFood',
          place: 'Osasco',
          dates: 'Feb 2018 – Feb 2021',
          bullets: ['Ran bidding experiments across Google and Meta.'],
        },
      ],
      schools: [
        {
          institution: 'Fundação Getulio Vargas',
          degree: 'Bachelor of Business Administration',
          dates: '2017',
        },
      ],
      skills: [{ items: ['Google Ads', 'Meta Ads', 'SQL', 'Looker', 'CRM'] }],
      languages: ['Portuguese', 'English', 'Spanish'],
    },
  },
  {
    style: 'text-boxes',
    formats: ['docx', 'pdf'],
    person: {
      id: 'textbox-02-michael-obrien',
      name: "Michael O'Brien",
      headline: 'Registered Nurse',
      location: 'Dublin',
      phone: '+353 87 123 4567',
      email: 'michael.obrien@example.ie',
      jobs: [
        {
          title: 'Clinical Nurse Manager',
          employer: "St. James's Hospital",
          place: 'Dublin',
          dates: 'Jun 2019 – Present',
          bullets: ['Manage a 28-bed acute medical ward and a team of 35 nurses.'],
        },
        {
          title: 'Staff Nurse',
          employer: 'Mater Misericordiae University Hospital',
          place: 'Dublin',
          dates: 'Sep 2013 – May 2019',
          bullets: ['Worked in the emergency department and the coronary care unit.'],
        },
      ],
      schools: [
        {
          institution: 'University College Dublin',
          degree: 'BSc (Hons) General Nursing',
          dates: '2013',
        },
      ],
      skills: [{ items: ['Triage', 'Patient safety', 'Rostering', 'Mentoring'] }],
      certifications: ['Advanced Cardiac Life Support (ACLS)'],
    },
  },
  {
    style: 'linkedin-docx',
    formats: ['docx'],
    person: {
      id: 'linkedin-07-jonas-weber',
      name: 'Jonas Weber',
      headline: 'Senior Backend Engineer at N26',
      location: 'Berlin, Germany',
      email: 'jonas.weber@example.de',
      links: ['www.linkedin.com/in/jonasweber'],
      summary:
        'Backend engineer in banking since 2015. Kotlin, event sourcing, boring reliability.',
      jobs: [
        {
          title: 'Senior Backend Engineer',
          employer: 'N26',
          dates: 'April 2020 - Present',
          duration: '4 years 8 months',
          place: 'Berlin, Germany',
          bullets: ['Own the card transactions ledger.'],
        },
        {
          title: 'Software Engineer',
          employer: 'Zalando',
          dates: 'March 2015 - March 2020',
          duration: '5 years 1 month',
          place: 'Berlin Area, Germany',
          bullets: ['Worked on the checkout and payments platform.'],
          note: '1 recommendation available upon request',
        },
      ],
      schools: [
        {
          institution: 'Technische Universität Berlin',
          degree: 'Master of Science - MS, Computer Science',
          dates: '2012 - 2015',
        },
      ],
      skills: [{ items: ['Kotlin', 'Event Sourcing', 'PostgreSQL'] }],
      languages: ['German (Native or Bilingual)', 'English (Full Professional)'],
    },
  },
  {
    style: 'linkedin-docx',
    formats: ['docx'],
    person: {
      id: 'linkedin-08-amara-diallo',
      name: 'Amara Diallo',
      headline: 'Product Designer',
      location: 'Paris, Île-de-France, France',
      email: 'amara.diallo@example.fr',
      links: ['www.linkedin.com/in/amaradiallo', 'amaradiallo.design'],
      jobs: [
        {
          title: 'Lead Product Designer',
          employer: 'Doctolib',
          companyTotal: '5 years 2 months',
          dates: 'January 2022 - Present',
          duration: '2 years 11 months',
          place: 'Paris, Île-de-France, France',
          bullets: ['Lead the design of the practitioner calendar.'],
        },
        {
          title: 'Product Designer',
          employer: 'Doctolib',
          dates: 'October 2019 - December 2021',
          duration: '2 years 3 months',
          bullets: ['Designed the video consultation flow.'],
        },
        {
          title: 'UX Designer',
          employer: 'BlaBlaCar',
          dates: 'September 2016 - September 2019',
          duration: '3 years 1 month',
          place: 'Paris',
          bullets: ['Redesigned the booking funnel.'],
        },
      ],
      schools: [
        {
          institution: 'Strate School of Design',
          degree: "Master's degree, Interaction Design",
          dates: '2011 - 2016',
        },
      ],
      skills: [{ items: ['Figma', 'Design Systems', 'User Research'] }],
      languages: ['French', 'English', 'Wolof'],
    },
  },
  {
    style: 'indian-docx',
    formats: ['docx', 'pdf'],
    person: {
      id: 'indian-04-karthik-subramanian',
      name: 'Karthik Subramanian',
      location: 'Chennai, Tamil Nadu',
      phone: '+91 98400 12345',
      email: 'karthik.s@example.in',
      summary:
        'Seeking a challenging position as a software engineer to grow with the organisation.',
      jobs: [
        {
          title: 'Systems Engineer',
          employer: 'Infosys Limited',
          place: 'Mysuru',
          dates: 'Aug 2022 – Present',
          bullets: ['Maintain Java batch jobs for a US insurance client.'],
        },
      ],
      schools: [
        {
          degree: 'B.E. Computer Science',
          institution: 'Sri Sairam Engineering College',
          place: 'Chennai',
          board: 'Anna University',
          dates: '2022',
          grade: '8.4 CGPA',
        },
        {
          degree: 'HSC',
          institution: 'Velammal Matriculation Higher Secondary School',
          place: 'Chennai',
          board: 'State Board',
          dates: '2018',
          grade: '92%',
        },
        {
          degree: 'SSLC',
          institution: 'Velammal Matriculation Higher Secondary School',
          place: 'Chennai',
          board: 'State Board',
          dates: '2016',
          grade: '95%',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Java', 'Python', 'SQL'] },
        { label: 'Tools', items: ['Spring Boot', 'Git', 'Jenkins'] },
      ],
      languages: ['Tamil', 'English', 'Hindi'],
      certifications: ['Oracle Certified Associate, Java SE 8'],
      extra: [
        {
          heading: 'EXTRA CURRICULAR ACTIVITIES',
          items: [
            { title: 'NSS volunteer', detail: 'blood donation camps', dates: '2019–2021' },
            { title: 'Class representative', dates: '2020' },
          ],
        },
      ],
    },
  },
  {
    style: 'indian-docx',
    formats: ['docx'],
    person: {
      id: 'indian-05-pooja-sharma',
      name: 'Pooja Sharma',
      location: 'Jaipur, Rajasthan',
      phone: '+91 94140 67890',
      email: 'pooja.sharma@example.in',
      summary:
        'To obtain a position in accounts and finance where I can use my knowledge of taxation.',
      jobs: [
        {
          title: 'Accounts Executive',
          employer: 'Genus Power Infrastructures',
          place: 'Jaipur',
          dates: 'June 2021 – Present',
          bullets: ['Prepare GST returns and reconcile vendor accounts.'],
        },
        {
          title: 'Article Assistant',
          employer: 'R. K. Jain & Associates',
          place: 'Jaipur',
          dates: 'Jan 2018 – Dec 2020',
          bullets: ['Assisted in statutory audits of manufacturing firms.'],
        },
      ],
      schools: [
        {
          degree: 'M.Com',
          institution: 'University of Rajasthan',
          board: 'University of Rajasthan',
          dates: '2021',
          grade: '71%',
        },
        {
          degree: 'B.Com',
          institution: 'Maharani College',
          place: 'Jaipur',
          board: 'University of Rajasthan',
          dates: '2018',
          grade: '74%',
        },
        {
          degree: '12th',
          institution: 'Maheshwari Public School',
          place: 'Jaipur',
          board: 'CBSE',
          dates: '2015',
          grade: '88%',
        },
      ],
      skills: [{ items: ['Tally ERP 9', 'GST', 'MS Excel', 'TDS'] }],
      languages: ['Hindi', 'English'],
      extra: [
        {
          heading: 'EXTRA CURRICULAR ACTIVITIES',
          items: [{ title: 'Member, college debating society', dates: '2016–2018' }],
        },
      ],
    },
  },
];
