import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

import { CatalogChangedV1 } from '../catalog-changed/catalog-changed.v1.event';
import { decodeEvent } from '../event-decoding/decode-event';
import { JobParsedV1 } from '../job-parsed/job-parsed.v1.event';
import { JobPostedV1 } from '../job-posted/job-posted.v1.event';
import { RoleDecidedV1 } from '../role-decided/role-decided.v1.event';
import { RunCompletedV1 } from '../run-completed/run-completed.v1.event';
import { SkillsResolvedV1 } from '../skills-resolved/skills-resolved.v1.event';
import { CONTROL_TOPICS, TOPICS } from '../topics/topics';

const CLASS_OF_TOPIC: Record<string, new () => object> = {
  [TOPICS.jobPosted]: JobPostedV1,
  [TOPICS.jobParsed]: JobParsedV1,
  [TOPICS.roleDecided]: RoleDecidedV1,
  [TOPICS.skillsResolved]: SkillsResolvedV1,
  [TOPICS.runCompleted]: RunCompletedV1,
  [CONTROL_TOPICS.catalogChanged]: CatalogChangedV1,
};

/** libs/contracts/fixtures, found from src or dist. */
function fixturesDir(): string {
  for (let dir = __dirname; ; dir = resolve(dir, '..')) {
    const candidate = join(dir, 'libs', 'contracts', 'fixtures');
    if (existsSync(candidate)) return candidate;
    if (resolve(dir, '..') === dir) throw new Error('libs/contracts/fixtures not found');
  }
}

// Every fixture ever published stays readable by today's class: within v1, fields are only added.
describe('golden fixtures', () => {
  const dir = fixturesDir();
  const topics = readdirSync(dir);

  it('cover every topic of the pipeline and the catalog broadcast', () => {
    assert.deepEqual(topics.sort(), Object.keys(CLASS_OF_TOPIC).sort());
  });

  for (const topic of topics) {
    for (const file of readdirSync(join(dir, topic))) {
      it(`${topic}/${file} decodes with today's class`, () => {
        const event = decodeEvent(CLASS_OF_TOPIC[topic]!, readFileSync(join(dir, topic, file)));
        assert.ok(event instanceof CLASS_OF_TOPIC[topic]!);
      });
    }
  }
});
