import type { LatexStyle } from './latex-templates.js';
import type { OutsidePerson } from './outside-person.js';

/** Invented people typeset with LaTeX, each with the style it is set in. */
export const LATEX_PEOPLE: { style: LatexStyle; person: OutsidePerson }[] = [
  {
    style: 'moderncv',
    person: {
      id: 'moderncv-01-ana-sousa',
      name: 'Ana Sousa',
      headline: 'Data Scientist',
      location: 'Lisbon, Portugal',
      phone: '+351 912 345 678',
      email: 'ana.sousa@example.pt',
      links: ['linkedin.com/in/anasousa'],
      summary:
        'Data scientist with six years in fraud detection and credit risk, moving models from notebooks to production.',
      jobs: [
        {
          title: 'Senior Data Scientist',
          employer: 'Feedzai',
          place: 'Lisbon',
          dates: '2021--Present',
          bullets: [
            'Cut false positives in card fraud scoring by 18% with gradient-boosted models.',
            'Owned the feature store migration to Spark 3.',
          ],
        },
        {
          title: 'Data Analyst',
          employer: 'Banco BPI',
          place: 'Porto',
          dates: '2018--2021',
          bullets: ['Built the weekly credit-risk dashboards for the retail board.'],
        },
      ],
      schools: [
        {
          degree: 'MSc in Statistics and Information Management',
          institution: 'NOVA IMS',
          place: 'Lisbon',
          dates: '2016--2018',
        },
        {
          degree: 'BSc in Mathematics',
          institution: 'Universidade do Porto',
          dates: '2013--2016',
        },
      ],
      skills: [
        { label: 'Programming', items: ['Python', 'SQL', 'R'] },
        { label: 'Tools', items: ['Spark', 'Airflow', 'scikit-learn'] },
      ],
      languages: ['Portuguese (native)', 'English (C1)', 'Spanish (B2)'],
    },
  },
  {
    style: 'moderncv',
    person: {
      id: 'moderncv-02-tobias-keller',
      name: 'Tobias Keller',
      headline: 'Embedded Software Engineer',
      location: 'Stuttgart',
      phone: '+49 151 23456789',
      email: 'tobias.keller@example.de',
      jobs: [
        {
          title: 'Embedded Software Engineer',
          employer: 'Robert Bosch GmbH',
          place: 'Stuttgart',
          dates: '03/2019--today',
          bullets: [
            'Develop AUTOSAR software components for brake control units.',
            'Introduced static analysis with Polyspace into the release gate.',
          ],
        },
        {
          title: 'Working Student, Firmware',
          employer: 'Festo SE & Co. KG',
          place: 'Esslingen',
          dates: '10/2016--02/2019',
          bullets: ['Wrote drivers for pneumatic valve controllers on ARM Cortex-M4.'],
        },
      ],
      schools: [
        {
          degree: 'M.Sc. Electrical Engineering',
          institution: 'University of Stuttgart',
          dates: '2016--2019',
          grade: 'Grade 1.7',
        },
      ],
      skills: [
        { label: 'Languages', items: ['C', 'C++', 'Python'] },
        { label: 'Platforms', items: ['AUTOSAR', 'FreeRTOS', 'CAN'] },
      ],
      languages: ['German (native)', 'English (fluent)'],
    },
  },
  {
    style: 'moderncv-banking',
    person: {
      id: 'moderncv-03-claire-martin',
      name: 'Claire Martin',
      headline: 'Product Manager',
      location: 'Lyon, France',
      phone: '+33 6 12 34 56 78',
      email: 'claire.martin@example.fr',
      links: ['claire-martin.fr'],
      summary:
        'Product manager for B2B logistics software, from discovery interviews to pricing and launch.',
      jobs: [
        {
          title: 'Senior Product Manager',
          employer: 'Shippeo',
          place: 'Paris',
          dates: 'Jan. 2022 -- Present',
          bullets: [
            'Led the real-time ETA product used by 120 shippers.',
            'Ran 40 customer interviews a quarter to shape the roadmap.',
          ],
        },
        {
          title: 'Product Owner',
          employer: 'Cegid',
          place: 'Lyon',
          dates: 'Sept. 2018 -- Dec. 2021',
          bullets: ['Shipped the payroll module for small businesses.'],
        },
      ],
      schools: [
        {
          degree: 'Master in Management',
          institution: 'emlyon business school',
          dates: '2016 -- 2018',
        },
      ],
      skills: [{ label: 'Product', items: ['Discovery', 'Roadmapping', 'SQL', 'Figma', 'Jira'] }],
      languages: ['French (native)', 'English (fluent)', 'Italian (basic)'],
      certifications: ['Certified Scrum Product Owner (CSPO)'],
    },
  },
  {
    style: 'moderncv',
    person: {
      id: 'moderncv-04-james-okoro',
      name: 'James Okoro',
      headline: 'Research Software Engineer',
      location: 'Canterbury, UK',
      phone: '+44 7700 900123',
      email: 'j.okoro@example.ac.uk',
      links: ['github.com/jokoro'],
      jobs: [
        {
          title: 'Research Software Engineer',
          employer: 'University of Kent',
          department: 'School of Computing',
          place: 'Canterbury',
          dates: '2020--Present',
          bullets: [
            'Maintain the genomics pipeline used by four research groups.',
            'Moved batch jobs from a local cluster to Kubernetes.',
          ],
        },
        {
          title: 'Graduate Developer',
          employer: 'Sage Group',
          place: 'Newcastle',
          dates: '2018--2020',
          bullets: ['Built invoicing features in C# and .NET Core.'],
        },
      ],
      schools: [
        {
          degree: 'PhD in Computer Science',
          institution: 'University of Kent',
          place: 'Canterbury, UK',
          dates: '2014--2018',
        },
        {
          degree: 'BSc Computer Science',
          institution: 'University of Leeds',
          place: 'Leeds, UK',
          dates: '2011--2014',
        },
      ],
      skills: [{ label: 'Languages', items: ['Python', 'C#', 'Rust', 'Bash'] }],
    },
  },
  {
    style: 'moderncv-banking',
    person: {
      id: 'moderncv-05-marta-nowak',
      name: 'Marta Nowak',
      headline: 'Financial Controller',
      location: 'Warsaw, Poland',
      phone: '+48 601 234 567',
      email: 'marta.nowak@example.pl',
      jobs: [
        {
          title: 'Financial Controller',
          employer: 'Allegro',
          place: 'Warsaw',
          dates: 'Apr. 2020 -- Present',
          bullets: ['Closed the monthly books for three entities in five working days.'],
        },
        {
          title: 'Senior Auditor',
          employer: 'KPMG',
          place: 'Warsaw',
          dates: 'Sept. 2015 -- Mar. 2020',
          bullets: ['Audited retail and e-commerce clients under IFRS.'],
        },
      ],
      schools: [
        {
          degree: 'Master of Finance and Accounting',
          institution: 'SGH Warsaw School of Economics',
          dates: '2010 -- 2015',
        },
      ],
      skills: [{ label: 'Finance', items: ['IFRS', 'SAP FI/CO', 'Excel', 'Power BI'] }],
      languages: ['Polish (native)', 'English (C1)', 'German (B1)'],
      certifications: ['ACCA', 'CFA Level II'],
    },
  },
  {
    style: 'moderncv',
    person: {
      id: 'moderncv-06-luca-bianchi',
      name: 'Luca Bianchi',
      headline: 'DevOps Engineer',
      location: 'Milan',
      phone: '+39 347 123 4567',
      email: 'luca.bianchi@example.it',
      links: ['github.com/lucabianchi'],
      jobs: [
        {
          title: 'DevOps Engineer',
          employer: 'Satispay',
          place: 'Milan',
          dates: '2021--Present',
          bullets: [
            'Run the Kubernetes platform behind the payment APIs.',
            'Wrote Terraform modules for every AWS account.',
          ],
        },
        {
          title: 'System Administrator',
          employer: 'Aruba S.p.A.',
          place: 'Bergamo',
          dates: '2017--2021',
          bullets: ['Automated server provisioning with Ansible.'],
        },
      ],
      schools: [
        {
          degree: 'Laurea in Ingegneria Informatica',
          institution: 'Politecnico di Milano',
          place: 'Milan, Italy',
          dates: '2014--2017',
        },
      ],
      skills: [{ label: 'Stack', items: ['Kubernetes', 'Terraform', 'AWS', 'Ansible', 'Go'] }],
      languages: ['Italian (native)', 'English (B2)'],
    },
  },
  {
    style: 'awesome',
    person: {
      id: 'awesome-01-hannah-lee',
      name: 'Hannah Lee',
      headline: 'Software Engineer · Backend',
      location: 'Seattle, WA',
      phone: '(206) 436-7788',
      email: 'hannah.lee@example.com',
      links: ['github.com/hannahlee', 'linkedin.com/in/hannah-lee'],
      summary:
        'Backend engineer who likes boring, reliable systems: payments, queues and the observability around them.',
      jobs: [
        {
          title: 'Senior Software Engineer',
          employer: 'Zillow',
          place: 'Seattle, WA',
          dates: 'Jun. 2021 - Present',
          bullets: [
            'Designed the listing ingestion service that handles 4M updates a day.',
            'Mentored five engineers through their first on-call rotation.',
          ],
        },
        {
          title: 'Software Engineer',
          employer: 'Expedia Group',
          place: 'Bellevue, WA',
          dates: 'Jul. 2017 - May 2021',
          bullets: ['Moved hotel search from a monolith to gRPC services.'],
        },
      ],
      schools: [
        {
          institution: 'University of Washington',
          place: 'Seattle, WA',
          degree: 'B.S. in Computer Science',
          dates: '2013 - 2017',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Java', 'Kotlin', 'Go', 'SQL'] },
        { label: 'Infrastructure', items: ['Kafka', 'PostgreSQL', 'AWS', 'Datadog'] },
      ],
    },
  },
  {
    style: 'awesome',
    person: {
      id: 'awesome-02-omar-haddad',
      name: 'Omar Haddad',
      headline: 'Security Engineer',
      location: 'Dubai, UAE',
      phone: '+971 50 123 4567',
      email: 'omar.haddad@example.com',
      links: ['linkedin.com/in/omarhaddad'],
      jobs: [
        {
          title: 'Lead Security Engineer',
          employer: 'Careem',
          place: 'Dubai, UAE',
          dates: 'Feb. 2020 - Present',
          bullets: [
            'Built the bug bounty triage process and the secure SDLC gates.',
            'Led incident response for 30+ incidents a year.',
          ],
        },
        {
          title: 'Penetration Tester',
          employer: 'Help AG',
          place: 'Abu Dhabi, UAE',
          dates: 'Aug. 2016 - Jan. 2020',
          bullets: ['Tested banking and government web applications.'],
        },
      ],
      schools: [
        {
          institution: 'American University of Sharjah',
          place: 'Sharjah, UAE',
          degree: 'Bachelor of Science in Computer Engineering',
          dates: '2012 - 2016',
        },
      ],
      skills: [{ label: 'Security', items: ['Burp Suite', 'OWASP', 'SIEM', 'Python', 'AWS IAM'] }],
      languages: ['Arabic (native)', 'English (fluent)'],
      certifications: ['OSCP', 'CISSP'],
    },
  },
  {
    style: 'awesome',
    person: {
      id: 'awesome-03-sofia-lindgren',
      name: 'Sofia Lindgren',
      headline: 'Machine Learning Engineer',
      location: 'Stockholm',
      phone: '+46 70 123 45 67',
      email: 'sofia.lindgren@example.se',
      links: ['sofialindgren.dev'],
      jobs: [
        {
          title: 'Machine Learning Engineer',
          employer: 'Spotify',
          place: 'Stockholm, Sweden',
          dates: 'Sep. 2020 - Present',
          bullets: [
            'Ship ranking models for podcast recommendations.',
            'Reduced training cost by 35% with mixed precision.',
          ],
        },
        {
          title: 'Data Engineer',
          employer: 'Klarna',
          place: 'Stockholm, Sweden',
          dates: 'Jan. 2018 - Aug. 2020',
          bullets: ['Built streaming pipelines on Kafka and Flink.'],
        },
      ],
      schools: [
        {
          institution: 'KTH Royal Institute of Technology',
          place: 'Stockholm, Sweden',
          degree: 'M.Sc. Machine Learning',
          dates: '2015 - 2017',
        },
      ],
      skills: [
        { label: 'ML', items: ['PyTorch', 'TensorFlow', 'XGBoost'] },
        { label: 'Data', items: ['Kafka', 'Flink', 'BigQuery'] },
      ],
      languages: ['Swedish (native)', 'English (fluent)', 'German (intermediate)'],
    },
  },
  {
    style: 'awesome',
    person: {
      id: 'awesome-04-daniel-cho',
      name: 'Daniel Cho',
      headline: 'Frontend Engineer',
      location: 'Toronto, ON',
      phone: '+1 416 555 0199',
      email: 'daniel.cho@example.ca',
      links: ['github.com/dcho'],
      jobs: [
        {
          title: 'Frontend Engineer',
          employer: 'Shopify',
          place: 'Toronto, ON',
          dates: 'Mar. 2022 - Present',
          bullets: ['Rebuilt the checkout editor in React and TypeScript.'],
        },
        {
          title: 'Web Developer',
          employer: 'Wealthsimple',
          place: 'Toronto, ON',
          dates: 'May 2019 - Feb. 2022',
          bullets: [
            'Built the onboarding flow for tax filing.',
            'Cut bundle size by 40% with code splitting.',
          ],
        },
      ],
      schools: [
        {
          institution: 'University of Waterloo',
          place: 'Waterloo, ON',
          degree: 'Bachelor of Mathematics, Computer Science',
          dates: '2014 - 2019',
        },
      ],
      skills: [{ label: 'Frontend', items: ['React', 'TypeScript', 'GraphQL', 'Jest', 'CSS'] }],
    },
  },
  {
    style: 'awesome',
    person: {
      id: 'awesome-05-grace-mwangi',
      name: 'Grace Mwangi',
      headline: 'Data Engineer',
      location: 'Nairobi, Kenya',
      phone: '+254 712 345 678',
      email: 'grace.mwangi@example.co.ke',
      summary: 'Data engineer building pipelines for mobile money and credit scoring.',
      jobs: [
        {
          title: 'Data Engineer',
          employer: 'Safaricom PLC',
          place: 'Nairobi, Kenya',
          dates: 'Jan. 2021 - Present',
          bullets: ['Maintain the M-Pesa transaction warehouse on Hadoop and Hive.'],
        },
        {
          title: 'Business Intelligence Analyst',
          employer: 'Equity Bank',
          place: 'Nairobi, Kenya',
          dates: 'Jun. 2018 - Dec. 2020',
          bullets: ['Built loan performance reports in Power BI.'],
        },
      ],
      schools: [
        {
          institution: 'University of Nairobi',
          place: 'Nairobi, Kenya',
          degree: 'BSc Computer Science',
          dates: '2014 - 2018',
        },
      ],
      skills: [{ label: 'Data', items: ['Python', 'Hive', 'Spark', 'Airflow', 'Power BI'] }],
      languages: ['English', 'Swahili'],
    },
  },
  {
    style: 'awesome',
    person: {
      id: 'awesome-06-mateo-fernandez',
      name: 'Mateo Fernández',
      headline: 'Site Reliability Engineer',
      location: 'Madrid, Spain',
      phone: '+34 612 345 678',
      email: 'mateo.fernandez@example.es',
      links: ['linkedin.com/in/mateofernandez', 'github.com/mfernandez'],
      jobs: [
        {
          title: 'Site Reliability Engineer',
          employer: 'Cabify',
          place: 'Madrid, Spain',
          dates: 'Oct. 2019 - Present',
          bullets: [
            'Defined SLOs for the ride dispatch services.',
            'Halved paging noise by rewriting alert rules.',
          ],
        },
        {
          title: 'Systems Engineer',
          employer: 'Telefónica',
          place: 'Madrid, Spain',
          dates: 'Sep. 2015 - Sep. 2019',
          bullets: ['Operated the Linux fleet of the IPTV platform.'],
        },
      ],
      schools: [
        {
          institution: 'Universidad Politécnica de Madrid',
          place: 'Madrid, Spain',
          degree: 'Grado en Ingeniería Informática',
          dates: '2011 - 2015',
        },
      ],
      skills: [{ label: 'Operations', items: ['Prometheus', 'Kubernetes', 'Go', 'Linux'] }],
      languages: ['Spanish (native)', 'English (C1)'],
    },
  },
  {
    style: 'jake',
    person: {
      id: 'jake-01-ethan-brooks',
      name: 'Ethan Brooks',
      phone: '512-867-5309',
      email: 'ethan.brooks@example.com',
      links: ['linkedin.com/in/ethanbrooks', 'github.com/ebrooks'],
      location: 'Austin',
      jobs: [
        {
          title: 'Software Engineer Intern',
          employer: 'Indeed',
          place: 'Austin, TX',
          dates: 'May 2024 -- Aug. 2024',
          bullets: [
            'Built a job alert deduplication service in Java and Redis.',
            'Reduced duplicate emails by 22% for 3M subscribers.',
          ],
        },
        {
          title: 'Undergraduate Research Assistant',
          employer: 'The University of Texas at Austin',
          place: 'Austin, TX',
          dates: 'Sep. 2023 -- Present',
          bullets: ['Train graph neural networks for traffic forecasting.'],
        },
      ],
      schools: [
        {
          institution: 'The University of Texas at Austin',
          place: 'Austin, TX',
          degree: 'Bachelor of Science in Computer Science',
          dates: 'Aug. 2021 -- May 2025',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Java', 'Python', 'C++', 'SQL'] },
        { label: 'Frameworks', items: ['React', 'Flask', 'PyTorch'] },
      ],
      extra: [
        {
          heading: 'Projects',
          items: [
            { title: 'Gitlytics', detail: 'Python, Flask, React', dates: 'June 2023 -- Present' },
          ],
        },
      ],
    },
  },
  {
    style: 'jake',
    person: {
      id: 'jake-02-priya-shah',
      name: 'Priya Shah',
      phone: '(617) 394-2210',
      email: 'pshah@example.edu',
      links: ['github.com/priyashah'],
      jobs: [
        {
          title: 'Software Engineering Intern',
          employer: 'HubSpot',
          place: 'Cambridge, MA',
          dates: 'June 2024 -- Aug. 2024',
          bullets: ['Added rate limiting to the email sending API.'],
        },
        {
          title: 'Teaching Assistant',
          employer: 'Northeastern University',
          place: 'Boston, MA',
          dates: 'Jan. 2023 -- May 2024',
          bullets: ['Ran labs for Fundamentals of Computer Science 2.'],
        },
      ],
      schools: [
        {
          institution: 'Northeastern University',
          place: 'Boston, MA',
          degree: 'B.S. in Computer Science and Mathematics',
          dates: 'Sep. 2021 -- May 2025',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Python', 'Java', 'TypeScript', 'Racket'] },
        { label: 'Developer Tools', items: ['Git', 'Docker', 'AWS'] },
      ],
      extra: [
        {
          heading: 'Projects',
          items: [{ title: 'CourseMap', detail: 'TypeScript, Next.js', dates: 'Jan. 2024' }],
        },
      ],
    },
  },
  {
    style: 'jake-company-first',
    person: {
      id: 'jake-03-kevin-nguyen',
      name: 'Kevin Nguyen',
      phone: '+1 (408) 921-4412',
      email: 'kevin.nguyen@example.com',
      links: ['linkedin.com/in/kevinnguyen'],
      location: 'San Jose, CA',
      jobs: [
        {
          title: 'Hardware Validation Engineer',
          employer: 'Cisco Systems',
          place: 'San Jose, CA',
          dates: 'Jul. 2020 -- Present',
          bullets: [
            'Automated board bring-up tests with Python and pytest.',
            'Debugged signal integrity issues on 400G line cards.',
          ],
        },
        {
          title: 'Test Engineer',
          employer: 'Western Digital',
          place: 'Milpitas, CA',
          dates: 'Jun. 2018 -- Jun. 2020',
          bullets: ['Wrote firmware regression suites for NVMe drives.'],
        },
      ],
      schools: [
        {
          institution: 'San José State University',
          place: 'San Jose, CA',
          degree: 'B.S. Electrical Engineering',
          dates: '2014 -- 2018',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Python', 'C', 'Verilog'] },
        { label: 'Lab', items: ['Oscilloscopes', 'JTAG', 'LabVIEW'] },
      ],
    },
  },
  {
    style: 'jake',
    person: {
      id: 'jake-04-maria-gonzalez',
      name: 'Maria Gonzalez',
      phone: '305-444-7812',
      email: 'maria.gonzalez@example.com',
      links: ['linkedin.com/in/mariagonzalez', 'mariagonzalez.io'],
      location: 'Miami, FL',
      summary: 'Full-stack developer focused on accessible web apps for healthcare.',
      jobs: [
        {
          title: 'Full Stack Developer',
          employer: 'Chewy',
          place: 'Dania Beach, FL',
          dates: 'Jan. 2022 -- Present',
          bullets: [
            'Built the vet prescription portal in Vue and Node.js.',
            'Raised Lighthouse accessibility scores from 71 to 98.',
          ],
        },
        {
          title: 'Junior Web Developer',
          employer: 'Baptist Health South Florida',
          place: 'Miami, FL',
          dates: 'Jun. 2019 -- Dec. 2021',
          bullets: ['Maintained the patient appointment site.'],
        },
      ],
      schools: [
        {
          institution: 'Florida International University',
          place: 'Miami, FL',
          degree: 'Bachelor of Science in Information Technology',
          dates: 'May 2019',
        },
      ],
      skills: [
        { label: 'Languages', items: ['JavaScript', 'TypeScript', 'PHP'] },
        { label: 'Frameworks', items: ['Vue', 'Node.js', 'Laravel'] },
      ],
      certifications: ['AWS Certified Developer -- Associate'],
    },
  },
  {
    style: 'jake-company-first',
    person: {
      id: 'jake-05-samuel-adeleke',
      name: 'Samuel Adeleke',
      phone: '+234 803 123 4567',
      email: 'samuel.adeleke@example.com',
      links: ['github.com/sadeleke'],
      location: 'Lagos, Nigeria',
      jobs: [
        {
          title: 'Backend Engineer',
          employer: 'Paystack',
          place: 'Lagos, Nigeria',
          dates: 'Mar. 2021 -- Present',
          bullets: ['Scaled the transfers API to 2,000 requests per second.'],
        },
        {
          title: 'Software Developer',
          employer: 'Interswitch',
          place: 'Lagos, Nigeria',
          dates: 'Jan. 2018 -- Feb. 2021',
          bullets: [
            'Built card switching adapters in Java.',
            'Wrote the reconciliation batch jobs.',
          ],
        },
      ],
      schools: [
        {
          institution: 'University of Lagos',
          place: 'Lagos, Nigeria',
          degree: 'B.Sc. Computer Science',
          dates: '2013 -- 2017',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Go', 'Java', 'PHP'] },
        { label: 'Data', items: ['MySQL', 'Redis', 'RabbitMQ'] },
      ],
    },
  },
  {
    style: 'jake',
    person: {
      id: 'jake-06-olivia-wright',
      name: 'Olivia Wright',
      phone: '+1 (646) 758-3321',
      email: 'olivia.wright@example.com',
      links: ['linkedin.com/in/oliviawright'],
      location: 'New York, NY',
      jobs: [
        {
          title: 'Quantitative Analyst',
          employer: 'Two Sigma',
          place: 'New York, NY',
          dates: 'Aug. 2022 -- Present',
          bullets: ['Research equity signals from alternative data.'],
        },
        {
          title: 'Quant Research Intern',
          employer: 'Citadel',
          place: 'Chicago, IL',
          dates: 'Jun. 2021 -- Aug. 2021',
          bullets: ['Backtested options volatility strategies in Python.'],
        },
      ],
      schools: [
        {
          institution: 'Columbia University',
          place: 'New York, NY',
          degree: 'M.S. Financial Engineering',
          dates: 'Sep. 2020 -- Dec. 2021',
        },
        {
          institution: 'Cornell University',
          place: 'Ithaca, NY',
          degree: 'B.A. Mathematics',
          dates: 'Sep. 2016 -- May 2020',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Python', 'C++', 'KDB+/q'] },
        { label: 'Methods', items: ['Time series', 'Bayesian statistics'] },
      ],
    },
  },
  {
    style: 'jake',
    person: {
      id: 'jake-07-arjun-mehta',
      name: 'Arjun Mehta',
      phone: '+1 (919) 407-6623',
      email: 'arjun.mehta@example.com',
      links: ['github.com/arjunm'],
      location: 'Raleigh, NC',
      jobs: [
        {
          title: 'Software Engineer II',
          employer: 'Red Hat',
          place: 'Raleigh, NC',
          dates: 'Jan. 2022 -- Present',
          bullets: ['Maintain the OpenShift installer for bare-metal clusters.'],
        },
        {
          title: 'Associate Software Engineer',
          employer: 'SAS Institute',
          place: 'Cary, NC',
          dates: 'Jul. 2019 -- Dec. 2021',
          bullets: ['Built REST APIs for the model management product.'],
        },
      ],
      schools: [
        {
          institution: 'North Carolina State University',
          place: 'Raleigh, NC',
          degree: 'M.S. Computer Science',
          dates: 'Aug. 2017 -- May 2019',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Go', 'Python', 'Java'] },
        { label: 'Tools', items: ['Kubernetes', 'Ansible', 'Terraform'] },
      ],
      extra: [
        {
          heading: 'Leadership',
          items: [{ title: 'Vice President, ACM Student Chapter', dates: '2018 -- 2019' }],
        },
      ],
    },
  },
  {
    style: 'deedy',
    person: {
      id: 'twocol-01-nina-petrovic',
      name: 'Nina Petrović',
      headline: 'Android Developer',
      location: 'Belgrade, Serbia',
      phone: '+381 64 123 4567',
      email: 'nina.petrovic@example.rs',
      links: ['github.com/ninap'],
      jobs: [
        {
          title: 'Senior Android Developer',
          employer: 'Nordeus',
          place: 'Belgrade',
          dates: 'Mar 2021 – Present',
          bullets: [
            'Led the move of the game client shell to Jetpack Compose.',
            'Cut cold start time by 30%.',
          ],
        },
        {
          title: 'Android Developer',
          employer: 'Seven Bridges',
          place: 'Belgrade',
          dates: 'Jun 2017 – Feb 2021',
          bullets: ['Built the offline sync for the field research app.'],
        },
      ],
      schools: [
        {
          institution: 'University of Belgrade',
          degree: 'BSc Software Engineering',
          dates: '2013 – 2017',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Kotlin', 'Java'] },
        { label: 'Android', items: ['Jetpack Compose', 'Coroutines', 'Room'] },
      ],
      languages: ['Serbian', 'English', 'German'],
    },
  },
  {
    style: 'alta',
    person: {
      id: 'twocol-02-rahul-verma',
      name: 'Rahul Verma',
      headline: 'Cloud Architect',
      location: 'Gurugram, India',
      phone: '+91 98110 23456',
      email: 'rahul.verma@example.in',
      links: ['linkedin.com/in/rahulverma'],
      summary: 'Cloud architect with 12 years in enterprise migrations to AWS and Azure.',
      jobs: [
        {
          title: 'Principal Cloud Architect',
          employer: 'Accenture',
          place: 'Gurugram',
          dates: 'Apr 2019 – Present',
          bullets: [
            'Designed landing zones for 15 banking clients.',
            'Led a team of 20 engineers on a 400-application migration.',
          ],
        },
        {
          title: 'Technical Lead',
          employer: 'HCL Technologies',
          place: 'Noida',
          dates: 'Jul 2012 – Mar 2019',
          bullets: ['Ran the middleware team for a UK retailer.'],
        },
      ],
      schools: [
        {
          institution: 'Delhi Technological University',
          degree: 'B.Tech in Information Technology',
          dates: '2008 – 2012',
        },
      ],
      skills: [{ items: ['AWS', 'Azure', 'Terraform', 'Kubernetes', 'Java'] }],
      certifications: [
        'AWS Certified Solutions Architect – Professional',
        'Azure Solutions Architect Expert',
      ],
    },
  },
  {
    style: 'deedy',
    person: {
      id: 'twocol-03-emily-clarke',
      name: 'Emily Clarke',
      headline: 'UX Researcher',
      location: 'Bristol, UK',
      phone: '+44 7911 123456',
      email: 'emily.clarke@example.co.uk',
      links: ['emilyclarke.design'],
      summary:
        'Mixed-methods researcher who turns interviews and analytics into product decisions.',
      jobs: [
        {
          title: 'Senior UX Researcher',
          employer: 'Ovo Energy',
          place: 'Bristol',
          dates: 'Feb 2021 – Present',
          bullets: ['Ran the research for the smart meter app redesign.'],
        },
        {
          title: 'UX Researcher',
          employer: 'Government Digital Service',
          place: 'London',
          dates: 'Sep 2017 – Jan 2021',
          bullets: [
            'Tested GOV.UK services with users who rely on screen readers.',
            'Set up the research operations library.',
          ],
        },
      ],
      schools: [
        {
          institution: 'University of Bath',
          degree: 'MSc Human-Computer Interaction',
          dates: '2016 – 2017',
        },
        {
          institution: 'University of Bristol',
          degree: 'BSc Psychology',
          dates: '2013 – 2016',
        },
      ],
      skills: [{ items: ['Usability testing', 'Survey design', 'Dovetail', 'Figma'] }],
      languages: ['English', 'French'],
    },
  },
  {
    style: 'alta',
    person: {
      id: 'twocol-04-lucas-moreau',
      name: 'Lucas Moreau',
      headline: 'Full-Stack Engineer',
      location: 'Montréal, QC',
      phone: '+1 514 316 2290',
      email: 'lucas.moreau@example.ca',
      links: ['github.com/lmoreau'],
      jobs: [
        {
          title: 'Full-Stack Engineer',
          employer: 'Lightspeed Commerce',
          place: 'Montréal',
          dates: 'Jan 2020 – Present',
          bullets: [
            'Built the inventory sync between POS and e-commerce.',
            'Wrote the React component library used by six teams.',
          ],
        },
        {
          title: 'Web Developer',
          employer: 'Ubisoft',
          place: 'Montréal',
          dates: 'Aug 2016 – Dec 2019',
          bullets: ['Maintained the community portals for two game titles.'],
        },
      ],
      schools: [
        {
          institution: 'Université de Montréal',
          degree: 'Baccalauréat en informatique',
          dates: '2013 – 2016',
        },
      ],
      skills: [
        { label: 'Frontend', items: ['React', 'TypeScript'] },
        { label: 'Backend', items: ['Ruby on Rails', 'PostgreSQL'] },
      ],
      languages: ['French', 'English'],
    },
  },
  {
    style: 'deedy',
    person: {
      id: 'twocol-05-aiko-tanaka',
      name: 'Aiko Tanaka',
      headline: 'iOS Engineer',
      location: 'Tokyo',
      phone: '+81 90 1234 5678',
      email: 'aiko.tanaka@example.jp',
      links: ['github.com/aikot'],
      jobs: [
        {
          title: 'iOS Engineer',
          employer: 'Mercari',
          place: 'Tokyo',
          dates: 'Apr 2020 – Present',
          bullets: ['Rebuilt the listing flow in SwiftUI.'],
        },
        {
          title: 'Mobile Developer',
          employer: 'CyberAgent',
          place: 'Tokyo',
          dates: 'Apr 2017 – Mar 2020',
          bullets: ['Shipped two casual games on iOS and Android.'],
        },
      ],
      schools: [
        {
          institution: 'Keio University',
          degree: 'B.E. in Information Engineering',
          dates: '2013 – 2017',
        },
      ],
      skills: [{ label: 'Mobile', items: ['Swift', 'SwiftUI', 'Kotlin', 'Unity'] }],
      languages: ['Japanese', 'English'],
    },
  },
  {
    style: 'alta',
    person: {
      id: 'twocol-06-ben-carter',
      name: 'Ben Carter',
      headline: 'Engineering Manager',
      location: 'Denver, CO',
      phone: '(720) 555-0148',
      email: 'ben.carter@example.com',
      links: ['linkedin.com/in/bencarter'],
      summary:
        'Engineering manager who has grown teams from 3 to 25 while keeping delivery steady.',
      jobs: [
        {
          title: 'Engineering Manager',
          employer: 'Ibotta',
          place: 'Denver, CO',
          dates: 'Jun 2019 – Present',
          bullets: [
            'Manage three teams across offers, payments and fraud.',
            'Hired 14 engineers in two years.',
          ],
        },
        {
          title: 'Senior Software Engineer',
          employer: 'SendGrid',
          place: 'Denver, CO',
          dates: 'Mar 2014 – May 2019',
          bullets: ['Owned the event webhook pipeline.'],
        },
      ],
      schools: [
        {
          institution: 'Colorado School of Mines',
          degree: 'B.S. Computer Science',
          dates: '2010 – 2014',
        },
      ],
      skills: [{ items: ['People management', 'Hiring', 'Go', 'Python', 'AWS'] }],
    },
  },
  {
    style: 'indian-campus',
    person: {
      id: 'indian-01-aditya-kumar',
      name: 'Aditya Kumar',
      headline: 'B.Tech, Mechanical Engineering',
      location: 'Kharagpur, West Bengal',
      phone: '+91 94340 12345',
      email: 'aditya.kumar@example.in',
      links: ['linkedin.com/in/adityakumar'],
      summary:
        'To work in a challenging environment where I can apply my skills in design and analytics.',
      jobs: [
        {
          title: 'Summer Intern',
          employer: 'Tata Motors',
          place: 'Pune',
          dates: 'May 2024 – July 2024',
          bullets: ['Reduced cycle time of the axle assembly line by 8% with a time study.'],
        },
      ],
      schools: [
        {
          degree: 'B.Tech (Mechanical)',
          board: 'IIT Kharagpur',
          institution: 'Indian Institute of Technology Kharagpur',
          dates: '2021–2025',
          grade: '8.12',
        },
        {
          degree: 'Class XII',
          board: 'CBSE',
          institution: 'Delhi Public School',
          place: 'Patna',
          dates: '2021',
          grade: '94.2%',
        },
        {
          degree: 'Class X',
          board: 'CBSE',
          institution: 'Delhi Public School',
          place: 'Patna',
          dates: '2019',
          grade: '96.4%',
        },
      ],
      skills: [{ label: 'Software', items: ['SolidWorks', 'ANSYS', 'MATLAB', 'Python'] }],
      languages: ['English', 'Hindi'],
      extra: [
        {
          heading: 'Positions of Responsibility',
          items: [
            { title: 'Secretary, Mechanical Engineering Society', dates: '2023–2024' },
            {
              title: 'Volunteer, National Service Scheme (NSS)',
              detail: 'taught at a village school',
              dates: '2022',
            },
          ],
        },
        {
          heading: 'Extra-Curricular Activities',
          items: [{ title: 'Member, institute football team', dates: '2021–2023' }],
        },
      ],
    },
  },
  {
    style: 'indian-campus',
    person: {
      id: 'indian-02-sneha-reddy',
      name: 'Sneha Reddy',
      headline: 'B.E. Computer Science',
      location: 'Hyderabad',
      phone: '+91 98480 22334',
      email: 'sneha.reddy@example.in',
      links: ['github.com/snehareddy'],
      jobs: [
        {
          title: 'Software Engineering Intern',
          employer: 'Microsoft India',
          place: 'Hyderabad',
          dates: 'May 2024 – July 2024',
          bullets: ['Built a telemetry dashboard for Teams meeting quality.'],
        },
        {
          title: 'Data Analytics Intern',
          employer: 'Deloitte',
          place: 'Hyderabad',
          dates: 'Dec 2023 – Jan 2024',
          bullets: ['Automated audit sampling reports in Python.'],
        },
      ],
      schools: [
        {
          degree: 'B.E. (CSE)',
          board: 'Osmania University',
          institution: 'Chaitanya Bharathi Institute of Technology',
          dates: '2021–2025',
          grade: '9.1 CGPA',
        },
        {
          degree: 'Intermediate (MPC)',
          board: 'TSBIE',
          institution: 'Sri Chaitanya Junior College',
          dates: '2021',
          grade: '97.6%',
        },
      ],
      skills: [
        { label: 'Languages', items: ['Java', 'Python', 'C'] },
        { label: 'Web', items: ['React', 'Node.js', 'MongoDB'] },
      ],
      certifications: ['Google Data Analytics Certificate'],
      extra: [
        {
          heading: 'Projects',
          items: [{ title: 'Smart Attendance System', detail: 'face recognition with OpenCV' }],
        },
        {
          heading: 'Extra-Curricular Activities',
          items: [
            { title: 'Coordinator, Shruti cultural fest', dates: '2023' },
            { title: 'Volunteer, Robin Hood Army', dates: '2022–2024' },
          ],
        },
      ],
    },
  },
  {
    style: 'indian-campus',
    person: {
      id: 'indian-03-vikram-singh',
      name: 'Vikram Singh',
      headline: 'MBA (Marketing)',
      location: 'Indore, Madhya Pradesh',
      phone: '+91 99260 55443',
      email: 'vikram.singh@example.in',
      summary: 'Seeking a role in brand management with an FMCG company.',
      jobs: [
        {
          title: 'Marketing Intern',
          employer: 'Hindustan Unilever',
          place: 'Mumbai',
          dates: 'April 2024 – June 2024',
          bullets: ['Analysed rural distribution of a shampoo brand in 12 districts.'],
        },
        {
          title: 'Sales Executive',
          employer: 'Asian Paints',
          place: 'Bhopal',
          dates: 'July 2020 – May 2023',
          bullets: ['Managed 45 dealers and grew territory sales by 14%.'],
        },
      ],
      schools: [
        {
          degree: 'MBA',
          board: 'IIM Indore',
          institution: 'Indian Institute of Management Indore',
          dates: '2023–2025',
          grade: '3.4/4.33',
        },
        {
          degree: 'B.Com',
          board: 'DAVV',
          institution: 'Shri Vaishnav Institute of Management',
          dates: '2017–2020',
          grade: '78%',
        },
      ],
      skills: [{ label: 'Tools', items: ['Excel', 'SPSS', 'Tableau'] }],
      languages: ['Hindi', 'English'],
      extra: [
        {
          heading: 'Achievements',
          items: [{ title: 'Winner, HUL L.I.M.E. campus round', dates: '2024' }],
        },
      ],
    },
  },
];
