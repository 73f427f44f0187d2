/**
 * O*NET-SOC codes mapped to the authored domains where the fit is clear; the longest matching prefix wins.
 * The rest land in an `imported-…` domain named after the SOC major group.
 */
const SOC_DOMAINS: ReadonlyArray<readonly [prefix: string, domain: string]> = [
  ['11-2021', 'marketing'],
  ['11-2022', 'sales'],
  ['11-3021', 'software-engineering'],
  ['11-3031', 'finance-accounting'],
  ['11-3051', 'mechanical-engineering'],
  ['11-3071', 'operations-logistics'],
  ['11-3121', 'human-resources'],
  ['11-9021', 'civil-engineering'],
  ['11-903', 'education'],
  ['11-9111', 'healthcare'],
  ['13-1071', 'human-resources'],
  ['13-1075', 'human-resources'],
  ['13-1081', 'operations-logistics'],
  ['13-1082', 'product-management'],
  ['13-1141', 'human-resources'],
  ['13-1151', 'human-resources'],
  ['13-1161', 'marketing'],
  ['13-2', 'finance-accounting'],
  ['15-1211', 'software-engineering'],
  ['15-1212', 'cloud-devops'],
  ['15-1221', 'data-ai'],
  ['15-123', 'cloud-devops'],
  ['15-1241', 'cloud-devops'],
  ['15-1242', 'data-ai'],
  ['15-1243', 'data-ai'],
  ['15-1244', 'cloud-devops'],
  ['15-125', 'software-engineering'],
  ['15-1253', 'quality-assurance'],
  ['15-1255', 'design'],
  ['15-1299', 'software-engineering'],
  ['15-2', 'data-ai'],
  ['17-2051', 'civil-engineering'],
  ['17-207', 'electrical-engineering'],
  ['17-2112', 'mechanical-engineering'],
  ['17-2141', 'mechanical-engineering'],
  ['17-3022', 'civil-engineering'],
  ['17-3023', 'electrical-engineering'],
  ['17-3027', 'mechanical-engineering'],
  ['25', 'education'],
  ['27-1021', 'design'],
  ['27-1024', 'design'],
  ['27-1025', 'design'],
  ['29', 'healthcare'],
  ['31', 'healthcare'],
  ['41', 'sales'],
  ['43-3', 'finance-accounting'],
  ['43-4051', 'customer-support'],
  ['43-5', 'operations-logistics'],
  ['43-6', 'administration'],
  ['43-9', 'administration'],
  ['53', 'operations-logistics'],
];

/** SOC 2018 major groups, by their two-digit code. */
const SOC_MAJOR_GROUPS: Record<string, string> = {
  '11': 'Management Occupations',
  '13': 'Business and Financial Operations Occupations',
  '15': 'Computer and Mathematical Occupations',
  '17': 'Architecture and Engineering Occupations',
  '19': 'Life, Physical, and Social Science Occupations',
  '21': 'Community and Social Service Occupations',
  '23': 'Legal Occupations',
  '25': 'Educational Instruction and Library Occupations',
  '27': 'Arts, Design, Entertainment, Sports, and Media Occupations',
  '29': 'Healthcare Practitioners and Technical Occupations',
  '31': 'Healthcare Support Occupations',
  '33': 'Protective Service Occupations',
  '35': 'Food Preparation and Serving Related Occupations',
  '37': 'Building and Grounds Cleaning and Maintenance Occupations',
  '39': 'Personal Care and Service Occupations',
  '41': 'Sales and Related Occupations',
  '43': 'Office and Administrative Support Occupations',
  '45': 'Farming, Fishing, and Forestry Occupations',
  '47': 'Construction and Extraction Occupations',
  '49': 'Installation, Maintenance, and Repair Occupations',
  '51': 'Production Occupations',
  '53': 'Transportation and Material Moving Occupations',
  '55': 'Military Specific Occupations',
};

/** The authored domain an O*NET-SOC code belongs to, or null when none fits. */
export function authoredDomainForSoc(socCode: string): string | null {
  let best: readonly [string, string] | null = null;
  for (const entry of SOC_DOMAINS) {
    if (socCode.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? null;
}

export function socMajorGroupName(socCode: string): string {
  const major = socCode.slice(0, 2);
  return SOC_MAJOR_GROUPS[major] ?? `SOC major group ${major}`;
}
