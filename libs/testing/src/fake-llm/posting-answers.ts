const NOTHING_FOUND = { value: null, evidence: null };

/**
 * The `fields` of a posting-assist answer in which the model found nothing to add, as a cautious model answers.
 * Specs spread it and set the fields they exercise; a fresh object each call, so no spec can alter another's.
 */
export function noPostingFields() {
  return {
    title: { ...NOTHING_FOUND },
    seniority: { ...NOTHING_FOUND },
    salary: null,
    experience: null,
    location: { ...NOTHING_FOUND },
    workMode: { ...NOTHING_FOUND },
    employmentType: { ...NOTHING_FOUND },
    companyName: { ...NOTHING_FOUND },
  };
}
