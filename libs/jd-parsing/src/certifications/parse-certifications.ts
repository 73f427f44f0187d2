import type { CertificationRequirement, Requirement } from '../parsed-jd';

/**
 * Certifications and licences: known credential acronyms ("PMP", "CISSP", "ACLS/BLS"), vendor
 * credentials ("AWS Certified Solutions Architect"), "<Name> certification/certificate", and licences
 * ("state teaching license"). "CA" counts only as a qualification ("CA qualified", "CA/CPA"), never
 * as California after a city.
 */

export interface CertificationSource {
  text: string;
  requirement: Requirement;
}

const KNOWN_ACRONYMS = [
  'PMP',
  'CAPM',
  'PgMP',
  'PMI-ACP',
  'CPA',
  'CFA',
  'ACCA',
  'CMA',
  'CIMA',
  'CFP',
  'FRM',
  'CIA',
  'CISA',
  'CISM',
  'CISSP',
  'CEH',
  'OSCP',
  'CompTIA Security\\+',
  'CompTIA A\\+',
  'CompTIA Network\\+',
  'CCNA',
  'CCNP',
  'CCIE',
  'ITIL',
  'PRINCE2',
  'CSM',
  'CSPO',
  'SAFe',
  'CKA',
  'CKAD',
  'RHCE',
  'RHCSA',
  'MCSE',
  'MCSA',
  'ACLS',
  'BLS',
  'PALS',
  'NRP',
  'CPR',
  'NCLEX(?:-RN)?',
  'CNA',
  'CDL',
  'SHRM-CP',
  'SHRM-SCP',
  'PHR',
  'SPHR',
  'CPIM',
  'CSCP',
  'Six Sigma(?: (?:Green|Black|Yellow) Belt)?',
  'Lean Six Sigma',
  'TEFL',
  'TESOL',
  'CELTA',
  'CDA',
  'NBCT',
  'CHES',
  'CNE',
  'CPHQ',
  'CCRN',
  'ISTQB',
  'TOGAF',
  'CFE',
];
const KNOWN = new RegExp(String.raw`(?<![A-Za-z])(${KNOWN_ACRONYMS.join('|')})(?![A-Za-z+])`, 'g');
const CHARTERED_ACCOUNTANT =
  /\b(?:[Cc]hartered [Aa]ccountant|[Qq]ualified CA|CA (?:qualified|inter(?:mediate)?|final)|CA\s*\/\s*(?:CPA|ACCA|CMA|CFA|MBA)|(?:CPA|ACCA|CMA|CFA|MBA)\s*\/\s*CA)(?![a-z])/;
const VENDOR_CERTIFIED =
  /\b((?:AWS|Azure|Microsoft|Google(?: Cloud)?|GCP|Salesforce|Oracle|Cisco|Red Hat|Kubernetes|Databricks|Snowflake|SAP|HashiCorp|Terraform|Scrum Alliance|Tableau|ServiceNow)\s+Certified(?:\s+(?:[A-Z][A-Za-z-]*|-|–|and|of)){1,6})/g;
const NAMED_CREDENTIAL =
  /\b((?:[A-Z][A-Za-z0-9+/&-]*\s+){0,4}[A-Z][A-Za-z0-9+/&-]*)\s+(?:certification|certificate|certified|accreditation)\b/g;
const LICENCE =
  /\b((?:valid |current |active |unencumbered )?(?:state |[A-Z][a-z]+ )?(?:teaching|nursing|RN|registered nurse|LPN|driver['’]?s|driving|professional|pharmacy|medical|counseling|social work|real estate|insurance|engineering|PE)\s+licen[cs](?:e|ure))\b/gi;
const NOT_A_NAME =
  /^(?:The|A|An|Any|Relevant|Related|Industry|Professional|Valid|Current|Required|Preferred|Other|Certification|Certified|And|Or|With|Such|This|Must|Be|Is|Are|Hold|Holds)$/;

function requirementFor(source: CertificationSource): Requirement {
  return source.requirement;
}

function namedIn(text: string): string[] {
  const names: string[] = [];
  KNOWN.lastIndex = 0;
  for (let found = KNOWN.exec(text); found; found = KNOWN.exec(text)) names.push(found[1]);
  if (CHARTERED_ACCOUNTANT.test(text)) names.push('CA');
  VENDOR_CERTIFIED.lastIndex = 0;
  for (let found = VENDOR_CERTIFIED.exec(text); found; found = VENDOR_CERTIFIED.exec(text)) names.push(found[1].trim());
  NAMED_CREDENTIAL.lastIndex = 0;
  for (let found = NAMED_CREDENTIAL.exec(text); found; found = NAMED_CREDENTIAL.exec(text)) {
    const words = found[1].split(/\s+/);
    while (words.length > 0 && NOT_A_NAME.test(words[0])) words.shift();
    if (words.length === 0) continue;
    for (const part of words.join(' ').split(/\s*\/\s*/)) if (part.length >= 2) names.push(part);
  }
  LICENCE.lastIndex = 0;
  for (let found = LICENCE.exec(text); found; found = LICENCE.exec(text))
    names.push(found[1].replace(/^(?:valid|current|active|unencumbered) /i, ''));
  return names;
}

export function parseCertifications(sources: CertificationSource[]): CertificationRequirement[] {
  const byName = new Map<string, CertificationRequirement>();
  for (const source of sources) {
    for (const name of namedIn(source.text)) {
      const key = name.toLowerCase();
      // A vendor credential already names the shorter acronym inside it ("AWS Certified ..." vs "AWS").
      if ([...byName.keys()].some((existing) => existing !== key && existing.includes(key) && key.length <= 4 && existing.startsWith(key)))
        continue;
      const existing = byName.get(key);
      const requirement = requirementFor(source);
      if (!existing || (existing.requirement === 'preferred' && requirement === 'required')) byName.set(key, { name, requirement });
    }
  }
  return [...byName.values()];
}
