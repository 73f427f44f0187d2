import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CatalogIndex, loadSeedCatalog } from '@jdpipe/catalog';
import { parseJobDescription } from '@jdpipe/jd-parsing';

import { resolveSkills, SkillMatcher } from './index';

// The description of a real run of the system jdpipe replaces; "excel in" is a verb here.
const SEED_POSTING =
  "***CTC ₹512,498 - ₹848,243 Per Year based on experience**** The ideal candidate is a self-motivated and demonstrated team-player. You will be a developer responsible for the development of new software products and enhancements to existing products. You should excel in working with large-scale applications and frameworks and have outstanding communication and leadership skills. We are a Facebook Marketing Automation technology using Ai and Machine learning looking for exceptionally talented Senior Developers and Team Leads to join our team. The role offers excellent career prospects for the right candidates looking to work on Marketing automation and Artificial Intelligence. Responsibilities Writing clean, high-quality, high-performance, maintainable code Develop and support software including applications, database integration, interfaces, and new functionality enhancements Coordinate cross-functionally to insure project meets business objectives and compliance standards Support test and deployment of new products and features Participate in code reviews Have an interest in Artificial Intelligence and its applications Qualifications Bachelor's degree in Computer Science (or related field) 3+ years of relevant work experience Expertise in Python Development Experience with Agile or Scrum software development methodologies Ability to multi-task, organize, and prioritize work ***CTC ₹512,498 - ₹848,243 Per Year****";

const MIN_SKILLS_FOR_A_REAL_CATALOG = 200;

describe('seed catalog on the seed posting', () => {
  const { catalog } = loadSeedCatalog();
  const tooSmall = catalog.skills.length < MIN_SKILLS_FOR_A_REAL_CATALOG;
  const skip = tooSmall
    ? `seed catalog has ${catalog.skills.length} skills, fewer than ${MIN_SKILLS_FOR_A_REAL_CATALOG}: not written yet`
    : false;

  it('finds the skills the old system missed and none it should not', { skip }, () => {
    const parsed = parseJobDescription({ description: SEED_POSTING });
    assert.ok(parsed.ok, 'the seed posting parses');
    const { sections, sentences } = parsed.parsed;

    const buildStarted = performance.now();
    const matcher = SkillMatcher.build(catalog);
    const buildMs = performance.now() - buildStarted;
    const scanStarted = performance.now();
    const scan = matcher.scan(SEED_POSTING, sections, sentences);
    const scanMs = performance.now() - scanStarted;
    const index = new CatalogIndex(catalog);
    const { skills, proposals } = resolveSkills({
      scan,
      description: SEED_POSTING,
      sections,
      catalog: index,
      chosenRoleSlug: index.roleBySlug.has('software-engineer') ? 'software-engineer' : null,
      title: parsed.parsed.title,
    });

    const names = skills.filter((skill) => skill.status === 'in_catalog').map((skill) => skill.name.toLowerCase());
    for (const expected of ['python', 'agile', 'scrum', 'code review', 'database integration']) {
      assert.ok(names.includes(expected), `expected ${expected} among ${names.join(', ')}`);
    }
    for (const unexpected of [/^react/, /flutter/, /excel/]) {
      assert.ok(!names.some((name) => unexpected.test(name)), `unexpected ${unexpected} among ${names.join(', ')}`);
    }
    const mobile = skills.filter((skill) => skill.dimensions.some((dimension) => /mobile|android|ios/.test(dimension.slug)));
    assert.deepEqual(
      mobile.map((skill) => skill.name),
      [],
      'no mobile skill',
    );
    for (const skill of skills) {
      for (const evidence of skill.evidence) assert.equal(SEED_POSTING.slice(evidence.start, evidence.end), evidence.text);
    }

    const aliases = catalog.skills.reduce((sum, skill) => sum + skill.aliases.length, 0);
    console.log(`seed catalog: ${catalog.skills.length} skills, ${aliases} aliases, trie ${matcher.size.nodes} nodes`);
    console.log(`build ${buildMs.toFixed(1)} ms, scan ${scanMs.toFixed(2)} ms`);
    console.log(
      'skills:',
      skills.map((skill) => `${skill.name} [${skill.status}, ${skill.requirement}${skill.primary ? ', primary' : ''}]`).join('; '),
    );
    console.log('proposals:', proposals.map((proposal) => proposal.value).join('; ') || '(none)');
  });
});
