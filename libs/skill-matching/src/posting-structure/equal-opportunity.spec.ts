import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isEqualOpportunityStatement } from './equal-opportunity';

describe('isEqualOpportunityStatement', () => {
  it('recognises non-discrimination and accommodation statements', () => {
    const statements = [
      'We hire without regard to race, religion, sex (including pregnancy and lactation) or genetic information.',
      'Acme is an Equal Opportunity Employer and welcomes applicants with disabilities.',
      'Ask for a reasonable accommodation if a disability affects your interviewing or the application process.',
      'The college does not discriminate on the basis of age, national origin or veteran status.',
      'We recruit talented people regardless of gender, sexual orientation or marital status.',
    ];
    assert.deepEqual(
      statements.filter((sentence) => !isEqualOpportunityStatement(sentence)),
      [],
    );
  });

  it('leaves other sentences alone, including ones that share its words', () => {
    const others = [
      'Design screens that read well regardless of device or colour scheme.',
      'Regardless of experience level, you will pair with a senior engineer.',
      'Analyse survey data by age group and region in SQL.',
      'We offer equal pay bands and a transparent promotion process.',
    ];
    assert.deepEqual(others.filter(isEqualOpportunityStatement), []);
  });
});
