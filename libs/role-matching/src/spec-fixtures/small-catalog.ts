import { type Catalog, type CatalogRole, CatalogIndex } from '@jdpipe/catalog';

/** A small hand-built role library spanning five domains, phrased like real postings. */
export const SMALL_ROLES: CatalogRole[] = [
  role(
    'software-engineer',
    'Software Engineer',
    'software-engineering',
    ['Software Developer', 'Developer', 'Programmer'],
    [
      'Design, develop, test and maintain software applications and new features',
      'Write clean, maintainable and well-tested code following coding standards',
      'Participate in code reviews and support the team with technical guidance',
      'Debug and resolve software defects reported by users and the support team',
      'Work with product managers to translate requirements into technical designs',
      'Participate in agile ceremonies such as sprint planning and retrospectives',
    ],
    ['java', 'python', 'git', 'sql', 'unit-testing', 'code-review', 'agile', 'data-structures', 'communication'],
  ),
  role(
    'backend-engineer',
    'Backend Engineer',
    'software-engineering',
    ['Backend Developer', 'Back End Developer', 'Server Side Developer', 'API Developer'],
    [
      'Design, build and maintain scalable server-side applications and REST APIs',
      'Integrate relational databases, message queues and third-party services',
      'Design database schemas and write efficient SQL queries',
      'Optimise performance, latency and reliability of backend services',
      'Write unit and integration tests and review code of peers',
      'Monitor and troubleshoot production incidents in backend systems',
    ],
    ['python', 'java', 'rest-api', 'sql', 'postgresql', 'microservices', 'docker', 'redis', 'git'],
  ),
  role(
    'frontend-engineer',
    'Frontend Engineer',
    'software-engineering',
    ['Frontend Developer', 'Front End Developer', 'UI Developer', 'React Developer'],
    [
      'Build responsive and accessible web user interfaces from design mockups',
      'Develop reusable UI components and manage client-side state',
      'Optimise page load speed and rendering performance in the browser',
      'Work with designers to ensure pixel-perfect implementation of wireframes',
      'Write unit and end-to-end tests for front-end components',
    ],
    ['javascript', 'typescript', 'react', 'html', 'css', 'redux', 'webpack', 'git'],
  ),
  role(
    'data-analyst',
    'Data Analyst',
    'data-ai',
    ['Data Analyst', 'Business Data Analyst', 'Reporting Analyst'],
    [
      'Collect, clean and analyse large datasets to identify trends and insights',
      'Build dashboards and reports in Power BI or Tableau for business stakeholders',
      'Write SQL queries to extract and validate data from databases',
      'Present findings and recommendations to the management team',
      'Support the team with ad-hoc analysis requests and data quality checks',
    ],
    ['sql', 'microsoft-excel', 'power-bi', 'tableau', 'python', 'statistics', 'data-visualisation', 'communication'],
  ),
  role(
    'registered-nurse',
    'Registered Nurse',
    'healthcare',
    ['Nurse', 'Staff Nurse', 'RN', 'Nursing Officer'],
    [
      'Assess patient condition, record vital signs and monitor changes',
      'Administer medications and treatments as prescribed by physicians',
      'Develop and implement individualised nursing care plans for patients',
      'Educate patients and families on discharge instructions and self care',
      'Maintain accurate patient records in the electronic health record',
      'Support the team in emergency response and infection control procedures',
    ],
    [
      'patient-care',
      'medication-administration',
      'vital-signs-monitoring',
      'bls',
      'infection-control',
      'electronic-health-records',
      'nursing-care-planning',
      'communication',
    ],
  ),
  role(
    'nurse-educator',
    'Nurse Educator',
    'healthcare',
    ['Clinical Nurse Educator', 'Nursing Instructor'],
    [
      'Plan and deliver training programmes for nursing staff on clinical practice',
      'Assess competency of nurses and maintain training records',
      'Develop clinical education materials and nursing procedure guidelines',
      'Mentor newly joined nurses during orientation on the ward',
    ],
    ['clinical-education', 'nursing-care-planning', 'bls', 'curriculum-development', 'communication', 'mentoring'],
  ),
  role(
    'accountant',
    'Accountant',
    'finance-accounting',
    ['Accounts Executive', 'Staff Accountant', 'Accounts Officer'],
    [
      'Prepare and post journal entries and maintain the general ledger',
      'Perform monthly bank reconciliations and vendor account reconciliations',
      'Prepare financial statements and support the month-end and year-end closing',
      'Compute and file GST, TDS and other statutory tax returns on time',
      'Process vendor invoices, payments and expense claims',
      'Support the team during statutory and internal audits',
    ],
    [
      'accounting',
      'tally',
      'gst',
      'tds',
      'bank-reconciliation',
      'general-ledger',
      'microsoft-excel',
      'financial-reporting',
      'accounts-payable',
    ],
  ),
  role(
    'elementary-school-teacher',
    'Elementary School Teacher',
    'education',
    ['Primary Teacher', 'Primary School Teacher', 'Elementary Teacher', 'Class Teacher'],
    [
      'Plan and deliver engaging lessons aligned with the curriculum for young students',
      'Assess student progress through assignments and tests and give feedback to parents',
      'Manage classroom behaviour and create a safe and inclusive learning environment',
      'Differentiate instruction to support students with diverse learning needs',
      'Communicate regularly with parents and attend parent-teacher meetings',
    ],
    [
      'lesson-planning',
      'classroom-management',
      'curriculum-development',
      'student-assessment',
      'differentiated-instruction',
      'communication',
    ],
  ),
  role(
    'sales-executive',
    'Sales Executive',
    'sales',
    ['Sales Officer', 'Sales Representative', 'Field Sales Executive'],
    [
      'Generate leads and acquire new customers through field visits and cold calls',
      'Achieve monthly sales targets and grow revenue in the assigned territory',
      'Present products, negotiate prices and close deals with clients',
      'Maintain strong relationships with existing customers to drive repeat business',
      'Report sales activity and pipeline in the CRM and support the team with market feedback',
    ],
    ['sales', 'lead-generation', 'negotiation', 'crm', 'cold-calling', 'communication', 'customer-relationship-management'],
  ),
];

export const SMALL_DOMAINS: Catalog['domains'] = [
  { slug: 'software-engineering', name: 'Software Engineering', keywords: ['software', 'developer', 'code', 'api', 'backend', 'frontend'] },
  { slug: 'data-ai', name: 'Data & AI', keywords: ['data', 'analytics', 'dashboard', 'insights'] },
  { slug: 'healthcare', name: 'Healthcare', keywords: ['patient', 'clinical', 'hospital', 'nursing', 'medical', 'ward'] },
  { slug: 'finance-accounting', name: 'Finance & Accounting', keywords: ['accounting', 'accounts', 'audit', 'tax', 'ledger', 'invoices'] },
  { slug: 'education', name: 'Education & Teaching', keywords: ['students', 'teaching', 'classroom', 'curriculum', 'school', 'learning'] },
  { slug: 'sales', name: 'Sales', keywords: ['sales', 'revenue', 'targets', 'clients', 'leads', 'deals'] },
];

export function smallCatalog(roles: CatalogRole[] = SMALL_ROLES): CatalogIndex {
  return new CatalogIndex({ version: 1, skills: [], dimensions: [], roles, domains: SMALL_DOMAINS });
}

function role(slug: string, name: string, domain: string, aliases: string[], kras: string[], coreSkills: string[]): CatalogRole {
  return { slug, name, domain, description: `${name}.`, aliases, kras, coreSkills, dimensions: [] };
}
