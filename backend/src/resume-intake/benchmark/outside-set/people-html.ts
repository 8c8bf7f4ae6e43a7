import type { HtmlStyle } from './html-templates.js';
import type { OutsidePerson } from './outside-person.js';

/** Invented people laid out in HTML and printed to PDF, each with its style. */
export const HTML_PEOPLE: { style: HtmlStyle; person: OutsidePerson }[] = [
  {
    style: 'design-sidebar',
    person: {
      id: 'design-01-chloe-bennett',
      name: 'Chloe Bennett',
      headline: 'Graphic Designer',
      location: 'Manchester',
      phone: '+44 7700 900456',
      email: 'hello@chloebennett.co.uk',
      links: ['chloebennett.co.uk'],
      summary:
        'Brand and editorial designer who loves type, grids and a good deadline. Eight years across agencies and in-house teams.',
      jobs: [
        {
          title: 'Senior Graphic Designer',
          employer: 'BBC Studios',
          place: 'Salford',
          dates: '2020 - Present',
          bullets: [
            'Designed key art for twelve factual series.',
            'Built the brand toolkit used by 40 freelancers.',
          ],
        },
        {
          title: 'Junior Designer',
          employer: 'Music Agency',
          place: 'Manchester',
          dates: '2016 - 2020',
          bullets: ['Produced packaging and print for retail clients.'],
        },
      ],
      schools: [
        {
          institution: 'Manchester School of Art',
          degree: 'BA (Hons) Graphic Design',
          dates: '2013 - 2016',
        },
      ],
      skills: [{ items: ['Adobe InDesign', 'Illustrator', 'Photoshop', 'Figma', 'Typography'] }],
      languages: ['English', 'French'],
    },
  },
  {
    style: 'design-sidebar',
    person: {
      id: 'design-02-ahmed-khan',
      name: 'Ahmed Khan',
      headline: 'Sales Manager',
      location: 'Karachi, Pakistan',
      phone: '+92 300 1234567',
      email: 'ahmed.khan@example.pk',
      jobs: [
        {
          title: 'Regional Sales Manager',
          employer: 'Unilever Pakistan',
          place: 'Karachi',
          dates: '2019 - Present',
          bullets: [
            'Grew regional revenue by 22% in two years.',
            'Managing a team of 18 sales officers across Sindh.',
          ],
        },
        {
          title: 'Area Sales Executive',
          employer: 'Nestlé Pakistan',
          place: 'Hyderabad',
          dates: '2015 - 2019',
          bullets: ['Opened 300 new retail accounts.'],
        },
      ],
      schools: [
        {
          institution: 'Institute of Business Administration',
          place: 'Karachi',
          degree: 'MBA Marketing',
          dates: '2013 - 2015',
        },
      ],
      skills: [{ items: ['Negotiation', 'Key accounts', 'Salesforce', 'Forecasting'] }],
      languages: ['Urdu', 'English'],
    },
  },
  {
    style: 'design-sidebar-right',
    person: {
      id: 'design-03-lena-fischer',
      name: 'Lena Fischer',
      headline: 'Content Strategist',
      location: 'Vienna, Austria',
      phone: '+43 660 1234567',
      email: 'lena.fischer@example.at',
      links: ['linkedin.com/in/lenafischer'],
      summary: 'Content strategist turning complex products into clear words.',
      jobs: [
        {
          title: 'Content Strategist',
          employer: 'Bitpanda',
          place: 'Vienna',
          dates: '2021 - Present',
          bullets: [
            'Rewrote the onboarding copy and lifted completion by 12%.',
            'Run the style guide for four languages.',
          ],
        },
        {
          title: 'Copywriter',
          employer: 'Runtastic',
          place: 'Linz',
          dates: '2017 - 2021',
          bullets: ['Wrote app store and in-app copy for 30 releases.'],
        },
      ],
      schools: [
        {
          institution: 'University of Vienna',
          degree: 'MA Journalism',
          dates: '2015 - 2017',
        },
      ],
      skills: [{ items: ['UX writing', 'SEO', 'Localization', 'Contentful'] }],
      languages: ['German', 'English', 'Italian'],
    },
  },
  {
    style: 'design-sidebar-right',
    person: {
      id: 'design-04-ryan-mitchell',
      name: 'Ryan Mitchell',
      headline: 'Customer Success Manager',
      location: 'Austin',
      phone: '(512) 694-3310',
      email: 'ryan.mitchell@example.com',
      jobs: [
        {
          title: 'Customer Success Manager',
          employer: 'Atlassian',
          place: 'Austin, TX',
          dates: '2020 - Present',
          bullets: [
            'Managing a book of 60 enterprise accounts worth $9M ARR.',
            'Kept gross retention above 95% for three years.',
          ],
        },
        {
          title: 'Account Manager',
          employer: 'Bazaarvoice',
          place: 'Austin, TX',
          dates: '2016 - 2020',
          bullets: ['Renewed and expanded retail accounts.'],
        },
      ],
      schools: [
        {
          institution: 'Texas State University',
          degree: 'BBA Marketing',
          dates: '2012 - 2016',
        },
      ],
      skills: [{ items: ['Gainsight', 'Salesforce', 'Onboarding', 'QBRs'] }],
    },
  },
  {
    style: 'design-timeline',
    person: {
      id: 'design-05-yasmin-ali',
      name: 'Yasmin Ali',
      headline: 'Project Manager',
      location: 'Birmingham, UK',
      phone: '+44 7911 654321',
      email: 'yasmin.ali@example.co.uk',
      links: ['linkedin.com/in/yasminali'],
      summary:
        'Construction project manager delivering schools and hospitals on time and on budget.',
      jobs: [
        {
          title: 'Project Manager',
          employer: 'Balfour Beatty',
          place: 'Birmingham',
          dates: '2019 - Present',
          bullets: [
            'Delivered a £38m secondary school two weeks early.',
            'Leading a site team of 12 and 30 subcontractors.',
          ],
        },
        {
          title: 'Assistant Project Manager',
          employer: 'Kier Group',
          place: 'Coventry',
          dates: '2015 - 2019',
          bullets: ['Managed programme and cost reports for a hospital extension.'],
        },
      ],
      schools: [
        {
          institution: 'Birmingham City University',
          degree: 'BSc (Hons) Construction Management',
          dates: '2012 - 2015',
        },
      ],
      skills: [{ items: ['MS Project', 'NEC4 contracts', 'Health and safety', 'Budgeting'] }],
      certifications: ['PRINCE2 Practitioner', 'SMSTS'],
    },
  },
  {
    style: 'design-timeline',
    person: {
      id: 'design-06-diego-ramirez',
      name: 'Diego Ramírez',
      headline: 'Mobile Developer',
      location: 'Mexico City',
      phone: '+52 55 1234 5678',
      email: 'diego.ramirez@example.mx',
      links: ['github.com/diegoramirez'],
      jobs: [
        {
          title: 'Senior Mobile Developer',
          employer: 'Kavak',
          place: 'Mexico City',
          dates: '2021 - Present',
          bullets: [
            'Building the car financing app in React Native.',
            'Set up over-the-air updates and crash reporting.',
          ],
        },
        {
          title: 'Mobile Developer',
          employer: 'Rappi',
          place: 'Mexico City',
          dates: '2018 - 2021',
          bullets: ['Worked on the courier app for Android.'],
        },
      ],
      schools: [
        {
          institution: 'Universidad Nacional Autónoma de México',
          degree: 'Ingeniería en Computación',
          dates: '2013 - 2018',
        },
      ],
      skills: [{ items: ['React Native', 'Kotlin', 'TypeScript', 'Firebase'] }],
      languages: ['Spanish', 'English'],
    },
  },
  {
    style: 'design-sidebar',
    person: {
      id: 'design-07-anjali-nair',
      name: 'Anjali Nair',
      headline: 'Data Analyst',
      location: 'Kochi, Kerala',
      phone: '+91 97450 11223',
      email: 'anjali.nair@example.in',
      links: ['linkedin.com/in/anjalinair'],
      summary: 'Analyst who turns messy operational data into dashboards people use.',
      jobs: [
        {
          title: 'Data Analyst',
          employer: 'UST Global',
          place: 'Kochi',
          dates: '2021 - Present',
          bullets: [
            'Built Power BI dashboards for a US healthcare payer.',
            'Automated claims reports with Python.',
          ],
        },
      ],
      schools: [
        {
          institution: 'Cochin University of Science and Technology',
          degree: 'M.Sc. Statistics',
          dates: '2019 - 2021',
        },
      ],
      skills: [{ items: ['SQL', 'Python', 'Power BI', 'Excel'] }],
      languages: ['Malayalam', 'English', 'Hindi'],
      extra: [
        {
          heading: 'Volunteering',
          items: [{ title: 'Kerala flood relief data volunteer', dates: '2018' }],
        },
      ],
    },
  },
  {
    style: 'linkedin',
    person: {
      id: 'linkedin-01-michelle-park',
      name: 'Michelle Park',
      headline: 'Director of Engineering at Stripe',
      location: 'San Francisco Bay Area',
      phone: '+1 415 867 2234',
      email: 'michelle.park@example.com',
      links: ['www.linkedin.com/in/michellepark'],
      summary: 'I build teams that build payment infrastructure.',
      jobs: [
        {
          title: 'Director of Engineering',
          employer: 'Stripe',
          companyTotal: '6 years 4 months',
          dates: 'March 2022 - Present',
          duration: '2 years 10 months',
          place: 'San Francisco, California, United States',
          bullets: ['Lead the Billing engineering organisation of 60 people.'],
        },
        {
          title: 'Engineering Manager',
          employer: 'Stripe',
          dates: 'September 2018 - February 2022',
          duration: '3 years 6 months',
          bullets: ['Managed the invoicing teams.'],
        },
        {
          title: 'Senior Software Engineer',
          employer: 'Square',
          dates: 'June 2014 - August 2018',
          duration: '4 years 3 months',
          place: 'San Francisco Bay Area',
          bullets: ['Worked on the point-of-sale payment flows.'],
          note: '2 recommendations available upon request',
        },
      ],
      schools: [
        {
          institution: 'Stanford University',
          degree: 'Master of Science (MS), Computer Science',
          dates: '2012 - 2014',
        },
        {
          institution: 'University of California, Los Angeles',
          degree: 'Bachelor of Science (BS), Computer Science',
          dates: '2008 - 2012',
        },
      ],
      skills: [{ items: ['Engineering Management', 'Payments', 'Distributed Systems'] }],
      languages: ['English (Native or Bilingual)', 'Korean (Limited Working)'],
    },
  },
  {
    style: 'linkedin',
    person: {
      id: 'linkedin-02-rohan-gupta',
      name: 'Rohan Gupta',
      headline: 'Software Engineer | Java | Microservices',
      location: 'Bengaluru, Karnataka, India',
      email: 'rohan.gupta@example.in',
      links: ['www.linkedin.com/in/rohangupta'],
      jobs: [
        {
          title: 'Software Engineer II',
          employer: 'Flipkart',
          dates: 'July 2021 - Present',
          duration: '3 years 6 months',
          place: 'Bengaluru, Karnataka, India',
          bullets: ['Own the order promise service for grocery.'],
        },
        {
          title: 'Software Engineer',
          employer: 'Swiggy',
          dates: 'June 2019 - June 2021',
          duration: '2 years 1 month',
          place: 'Bengaluru',
          bullets: ['Built restaurant onboarding APIs.'],
        },
      ],
      schools: [
        {
          institution: 'National Institute of Technology Karnataka',
          degree: 'Bachelor of Technology - BTech, Computer Science',
          dates: '2015 - 2019',
        },
      ],
      skills: [{ items: ['Java', 'Spring Boot', 'Microservices'] }],
      languages: ['Hindi', 'English'],
      certifications: ['AWS Certified Cloud Practitioner'],
    },
  },
  {
    style: 'linkedin',
    person: {
      id: 'linkedin-03-emma-wilson',
      name: 'Emma Wilson',
      headline: 'Talent Acquisition Partner',
      location: 'London, England, United Kingdom',
      email: 'emma.wilson@example.co.uk',
      links: ['www.linkedin.com/in/emmawilson'],
      summary: 'Recruiter for engineering and data roles. Fair processes, fast feedback.',
      jobs: [
        {
          title: 'Talent Acquisition Partner',
          employer: 'Monzo',
          dates: 'May 2021 - Present',
          duration: '3 years 8 months',
          place: 'London, England, United Kingdom',
          bullets: ['Hire backend, data and security engineers.'],
        },
        {
          title: 'Technical Recruiter',
          employer: 'Hays',
          dates: 'January 2017 - April 2021',
          duration: '4 years 4 months',
          place: 'London',
          bullets: ['Placed 120 contractors in financial services.'],
          note: '1 recommendation available upon request',
        },
      ],
      schools: [
        {
          institution: 'University of Kent',
          degree: 'Bachelor of Arts - BA, Psychology',
          dates: '2013 - 2016',
        },
      ],
      skills: [{ items: ['Technical Recruiting', 'Greenhouse', 'Employer Branding'] }],
    },
  },
  {
    style: 'linkedin',
    person: {
      id: 'linkedin-04-kenji-watanabe',
      name: 'Kenji Watanabe',
      headline: 'Data Scientist',
      location: 'Osaka, Japan',
      email: 'kenji.watanabe@example.jp',
      links: ['www.linkedin.com/in/kenjiwatanabe', 'github.com/kwatanabe'],
      jobs: [
        {
          title: 'Data Scientist',
          employer: 'Panasonic',
          dates: 'April 2019 - Present',
          duration: '5 years 9 months',
          place: 'Osaka, Japan',
          bullets: ['Forecast demand for home appliances across Asia.'],
        },
        {
          title: 'Research Intern',
          employer: 'RIKEN',
          dates: 'June 2018 - September 2018',
          duration: '4 months',
          place: 'Kobe, Japan',
          bullets: ['Studied sparse regression for sensor data.'],
        },
      ],
      schools: [
        {
          institution: 'Kyoto University',
          degree: 'Master of Informatics',
          dates: '2017 - 2019',
        },
      ],
      skills: [{ items: ['Python', 'Time Series Analysis', 'Statistics'] }],
      languages: ['Japanese (Native or Bilingual)', 'English (Professional Working)'],
    },
  },
  {
    style: 'linkedin',
    person: {
      id: 'linkedin-05-fatima-zahra',
      name: 'Fatima Zahra Benali',
      headline: 'Finance Manager',
      location: 'Casablanca, Morocco',
      email: 'fatima.benali@example.ma',
      links: ['www.linkedin.com/in/fatimabenali'],
      jobs: [
        {
          title: 'Finance Manager',
          employer: 'OCP Group',
          companyTotal: '7 years 1 month',
          dates: 'January 2021 - Present',
          duration: '4 years',
          place: 'Casablanca, Morocco',
          bullets: ['Lead budgeting for the phosphate mining division.'],
        },
        {
          title: 'Financial Analyst',
          employer: 'OCP Group',
          dates: 'December 2017 - December 2020',
          duration: '3 years 1 month',
          bullets: ['Built the capital expenditure models.'],
        },
      ],
      schools: [
        {
          institution: 'ISCAE',
          degree: 'Master, Finance',
          dates: '2015 - 2017',
        },
      ],
      skills: [{ items: ['Budgeting', 'Financial Modeling', 'SAP'] }],
      languages: ['Arabic', 'French', 'English'],
    },
  },
  {
    style: 'linkedin',
    person: {
      id: 'linkedin-06-liam-murphy',
      name: 'Liam Murphy',
      headline: 'Mechanical Engineer',
      location: 'Cork, Ireland',
      email: 'liam.murphy@example.ie',
      links: ['www.linkedin.com/in/liammurphy'],
      jobs: [
        {
          title: 'Mechanical Design Engineer',
          employer: 'Johnson Controls',
          dates: 'February 2020 - Present',
          duration: '4 years 11 months',
          place: 'Cork, Ireland',
          bullets: ['Design HVAC components in Creo.'],
        },
        {
          title: 'Graduate Engineer',
          employer: 'Stryker',
          dates: 'September 2017 - January 2020',
          duration: '2 years 5 months',
          place: 'Cork',
          bullets: ['Supported validation of orthopaedic implants.'],
        },
      ],
      schools: [
        {
          institution: 'University College Cork',
          degree: 'Bachelor of Engineering - BE, Mechanical Engineering',
          dates: '2013 - 2017',
        },
      ],
      skills: [{ items: ['Creo', 'GD&T', 'FEA'] }],
      certifications: ['Lean Six Sigma Yellow Belt'],
    },
  },
  {
    style: 'europass',
    person: {
      id: 'european-01-giulia-romano',
      name: 'Giulia Romano',
      location: 'Via Roma 12, 10121 Turin, Italy',
      phone: '+39 333 123 4567',
      email: 'giulia.romano@example.it',
      summary: 'Automotive quality engineer with ten years in supplier quality.',
      jobs: [
        {
          title: 'Supplier Quality Engineer',
          employer: 'Stellantis',
          place: 'Turin (Italy)',
          dates: '01/2018 – Present',
          bullets: ['Audit 40 suppliers of electrical components per year.'],
        },
        {
          title: 'Quality Technician',
          employer: 'Magneti Marelli',
          place: 'Venaria Reale (Italy)',
          dates: '09/2013 – 12/2017',
          bullets: ['Ran PPAP and 8D reports for lighting products.'],
        },
      ],
      schools: [
        {
          degree: 'Master of Science in Mechanical Engineering',
          institution: 'Politecnico di Torino',
          place: 'Turin (Italy)',
          dates: '09/2011 – 07/2013',
        },
      ],
      skills: [{ items: ['Minitab', 'SAP QM', 'AutoCAD', 'Microsoft Office'] }],
      languages: ['Italian (mother tongue)', 'English (B2)', 'French (A2)'],
    },
  },
  {
    style: 'europass',
    person: {
      id: 'european-02-pieter-devries',
      name: 'Pieter de Vries',
      location: 'Utrecht, Netherlands',
      phone: '+31 6 12345678',
      email: 'pieter.devries@example.nl',
      links: ['github.com/pdevries'],
      jobs: [
        {
          title: 'Software Developer',
          employer: 'Bol.com',
          place: 'Utrecht (Netherlands)',
          dates: '03/2019 – Present',
          bullets: ['Develop search relevance services in Java and Elasticsearch.'],
        },
        {
          title: 'Junior Developer',
          employer: 'Coolblue',
          place: 'Rotterdam (Netherlands)',
          dates: '08/2016 – 02/2019',
          bullets: ['Built internal tools for the warehouse in C#.'],
        },
      ],
      schools: [
        {
          degree: 'Bachelor of ICT',
          institution: 'Hogeschool Utrecht',
          place: 'Utrecht (Netherlands)',
          dates: '09/2012 – 07/2016',
        },
      ],
      skills: [{ items: ['Java', 'Elasticsearch', 'C#', 'Docker'] }],
      languages: ['Dutch (mother tongue)', 'English (C1)', 'German (B1)'],
    },
  },
  {
    style: 'europass',
    person: {
      id: 'european-03-ana-kowalczyk',
      name: 'Anna Kowalczyk',
      location: 'Kraków, Poland',
      phone: '+48 512 345 678',
      email: 'anna.kowalczyk@example.pl',
      jobs: [
        {
          title: 'Research Assistant',
          employer: 'Jagiellonian University',
          department: 'Department of Chemistry',
          place: 'Kraków (Poland)',
          dates: '10/2020 – Present',
          bullets: ['Synthesise and characterise metal-organic frameworks.'],
        },
        {
          title: 'Laboratory Analyst',
          employer: 'Polpharma',
          place: 'Starogard Gdański (Poland)',
          dates: '07/2017 – 09/2020',
          bullets: ['HPLC analysis of finished products under GMP.'],
        },
      ],
      schools: [
        {
          degree: 'Master of Science in Chemistry',
          institution: 'University of Warsaw',
          place: 'Warsaw, Poland',
          dates: '2015 – 2017',
        },
      ],
      skills: [{ items: ['HPLC', 'GMP', 'X-ray diffraction', 'Origin'] }],
      languages: ['Polish (mother tongue)', 'English (C1)'],
    },
  },
  {
    style: 'lebenslauf',
    person: {
      id: 'european-04-felix-wagner',
      name: 'Felix Wagner',
      location: 'München',
      phone: '+49 160 1234567',
      email: 'felix.wagner@example.de',
      jobs: [
        {
          title: 'Softwareentwickler',
          employer: 'Siemens AG',
          place: 'München',
          dates: '04/2019 – heute',
          bullets: ['Entwicklung von Diagnosesoftware für Zugsteuerungen in C++.'],
        },
        {
          title: 'Werkstudent Softwareentwicklung',
          employer: 'Rohde & Schwarz',
          place: 'München',
          dates: '10/2016 – 03/2019',
          bullets: ['Testautomatisierung mit Python.'],
        },
      ],
      schools: [
        {
          degree: 'M.Sc. Informatik',
          institution: 'Technische Universität München',
          dates: '10/2016 – 03/2019',
        },
        {
          degree: 'B.Sc. Informatik',
          institution: 'Universität Augsburg',
          dates: '10/2013 – 09/2016',
        },
      ],
      skills: [{ items: ['C++', 'Python', 'Linux', 'Git'] }],
      languages: ['Deutsch (Muttersprache)', 'Englisch (C1)'],
    },
  },
  {
    style: 'lebenslauf',
    person: {
      id: 'european-05-sophie-mueller',
      name: 'Sophie Müller',
      location: 'Zürich, Schweiz',
      phone: '+41 79 123 45 67',
      email: 'sophie.mueller@example.ch',
      summary: 'Controllerin mit Erfahrung in der Pharmaindustrie.',
      jobs: [
        {
          title: 'Senior Controller',
          employer: 'Roche',
          place: 'Basel',
          dates: '01/2020 – heute',
          bullets: ['Budgetierung und Forecast für die Produktion in Kaiseraugst.'],
        },
        {
          title: 'Controller',
          employer: 'Novartis',
          place: 'Basel',
          dates: '08/2015 – 12/2019',
          bullets: ['Monatsabschlüsse und Kostenstellenberichte.'],
        },
      ],
      schools: [
        {
          degree: 'Master of Arts in Accounting and Finance',
          institution: 'Universität St. Gallen',
          dates: '2013 – 2015',
        },
      ],
      skills: [{ items: ['SAP CO', 'Excel', 'Power BI'] }],
      languages: ['Deutsch (Muttersprache)', 'Englisch (C1)', 'Französisch (B2)'],
      certifications: ['Fachausweis Finanz- und Rechnungswesen'],
    },
  },
];
