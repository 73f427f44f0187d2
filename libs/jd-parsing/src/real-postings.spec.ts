import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseJobDescription } from './parse-job-description';
import { REAL_POSTING_SOURCES } from '@jdpipe/testing';

/**
 * Runs every real posting of the shared evaluation folders through the parser: nothing may throw,
 * every rejection carries a reason, and essentially all are accepted (the few rejected are empty
 * Google rows holding only a title, duplicated filler, or postings not written in English).
 */
describe('parseJobDescription on real postings', () => {
  for (const source of REAL_POSTING_SOURCES) {
    const skip = source.path ? false : `shared data for ${source.name} not found (expected ../shared/data next to the repository)`;
    it(`${source.name}: parses every posting, accepts at least 98%`, { skip }, () => {
      const postings = source.load(source.path as string);
      assert.ok(postings.length > 0);
      let accepted = 0;
      let slowestMs = 0;
      const started = performance.now();
      for (const posting of postings) {
        const postingStarted = performance.now();
        const outcome = parseJobDescription(posting);
        slowestMs = Math.max(slowestMs, performance.now() - postingStarted);
        if (outcome.ok) {
          accepted++;
          const { sections, sentences } = outcome.parsed;
          assert.equal(sections[0].start, 0);
          assert.equal(sections.at(-1)?.end, posting.description.length);
          for (const sentence of sentences) assert.equal(posting.description.slice(sentence.start, sentence.end), sentence.text);
        } else {
          assert.ok(outcome.rejection.reason.length > 10, `rejection without a reason for ${posting.title}`);
        }
      }
      const averageMs = (performance.now() - started) / postings.length;
      const share = accepted / postings.length;
      console.log(
        `${source.name}: ${postings.length} postings, ${accepted} accepted (${(share * 100).toFixed(1)}%), avg ${averageMs.toFixed(2)} ms, slowest ${slowestMs.toFixed(1)} ms`,
      );
      assert.ok(share >= 0.98, `only ${(share * 100).toFixed(1)}% accepted`);
    });
  }
});
