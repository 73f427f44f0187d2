import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SMALL_ROLES, smallCatalog } from '../spec-fixtures/small-catalog';
import { matchConfidence, newRoleConfidence } from './policy';
import { RoleMatcher, type RoleMatchInput } from './role-matcher';

const ACCOUNTING_POSTING: RoleMatchInput = {
  title: null,
  roleAliases: [],
  responsibilitySentences: [
    'Maintain the general ledger and post journal entries',
    'Reconcile bank statements and vendor accounts every month',
    'Prepare monthly financial statements for management',
  ],
  requirementSentences: [],
  skillSlugs: ['tally', 'gst', 'tds', 'general-ledger', 'microsoft-excel'],
  text: 'Accounts team. Maintain the general ledger, reconcile bank statements, file tax returns and support audit.',
};

// A twin of the accountant that shares its bookkeeping duties: the posting can no longer tell them apart.
const BOOKKEEPER = {
  ...SMALL_ROLES.find((role) => role.slug === 'accountant')!,
  slug: 'bookkeeper',
  name: 'Bookkeeper',
  aliases: ['Bookkeeper', 'Book Keeper'],
  kras: [
    'Post journal entries and maintain the general ledger',
    'Reconcile bank statements and vendor accounts monthly',
    'Prepare monthly financial statements and trial balance',
    'Process invoices and payments',
  ],
};

describe('confidence calibration', () => {
  it('a near tie gives lower confidence than a clear win', () => {
    const clear = RoleMatcher.build(smallCatalog()).match(ACCOUNTING_POSTING);
    const tied = RoleMatcher.build(smallCatalog([...SMALL_ROLES, BOOKKEEPER])).match(ACCOUNTING_POSTING);
    assert.equal(clear.role?.slug, 'accountant');
    assert.ok(['accountant', 'bookkeeper'].includes(tied.role?.slug ?? ''));
    const gap = tied.signals.candidates[0].score - tied.signals.candidates[1].score;
    assert.ok(gap < 0.1, `the twin should be close (gap ${gap})`);
    assert.ok(
      (tied.role?.confidence ?? 1) < (clear.role?.confidence ?? 0) - 0.1,
      `tied ${tied.role?.confidence} vs clear ${clear.role?.confidence}`,
    );
  });

  it('agreeing signals give more confidence than one signal alone', () => {
    const matcher = RoleMatcher.build(smallCatalog());
    const all = matcher.match({ ...ACCOUNTING_POSTING, title: 'Staff Accountant' });
    const skillsOnly = matcher.match({ ...ACCOUNTING_POSTING, responsibilitySentences: [], text: 'Apply now.' });
    assert.equal(all.role?.case, 'ALIAS');
    assert.equal(skillsOnly.role?.slug, 'accountant');
    assert.ok((all.role?.confidence ?? 0) > (skillsOnly.role?.confidence ?? 1) + 0.15);
  });

  it('confidence grows with margin, strength and agreement, and stays in [0.05, 0.98]', () => {
    const base = {
      strength: 0.5,
      margin: 0.05,
      agreement: 0.7,
      aliasOverruled: false,
      titleUnexplained: false,
      partialAliasOnly: false,
      decisionCase: 'KRA' as const,
    };
    assert.ok(matchConfidence({ ...base, margin: 0.12 }) > matchConfidence(base));
    assert.ok(matchConfidence({ ...base, strength: 0.8 }) > matchConfidence(base));
    assert.ok(matchConfidence({ ...base, agreement: 1 }) > matchConfidence(base));
    assert.ok(matchConfidence({ ...base, aliasOverruled: true }) < matchConfidence(base));
    assert.equal(matchConfidence({ ...base, strength: 1, margin: 1, agreement: 1, decisionCase: 'ALIAS' }), 0.98);
    assert.equal(matchConfidence({ ...base, strength: 1, margin: 1, agreement: 1, decisionCase: 'DOMAIN' }), 0.5);
    assert.equal(matchConfidence({ ...base, strength: 0, margin: -1, agreement: 0, aliasOverruled: true, titleUnexplained: true }), 0.06);
    assert.ok(newRoleConfidence(0) > newRoleConfidence(0.9));
    assert.ok(newRoleConfidence(1) >= 0.05);
  });
});
