import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { benchmarkCatalogScale, CollectionLog, renderCatalogScaleReport } from './catalog-scale.bench';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', '..', 'examples');

describe('benchmarkCatalogScale on the seed catalog alone', () => {
  it('times every posting in each pass after the warm-up, and counts the parser rejections apart', async () => {
    const texts = ['senior-developer.txt', 'recipe.txt'].map((file) => readFileSync(join(EXAMPLES, file), 'utf8'));
    const postings = texts.map((description, index) => ({ postingId: `p${index}`, description }));
    const report = await benchmarkCatalogScale({}, { name: 'examples', postings }, 10);

    assert.deepEqual(report.sources, []);
    assert.equal(report.postings, 1);
    assert.equal(report.rejected, 1);
    assert.ok(report.catalog.skills > 1000 && report.catalog.roles > 100);
    assert.ok(report.heapUsedMb > 0);
    const { scan, resolve, roleMatch } = report.stageMsPerKb;
    assert.ok(scan > 0 && resolve > 0 && roleMatch > 0);
    assert.ok(Math.abs(report.matchMsPerKb - (scan + resolve + roleMatch)) < 1e-9);
    // The median pass is one of the passes, and no pass beats each posting at its fastest.
    assert.equal(report.passMatchMsPerKb.length, 5);
    assert.ok(report.passMatchMsPerKb.includes(report.matchMsPerKb));
    assert.ok(report.fastestMatchMsPerKb > 0 && report.fastestMatchMsPerKb <= Math.min(...report.passMatchMsPerKb) + 1e-9);
    assert.match(
      renderCatalogScaleReport(report),
      /^passes {5}(\d+\.\d{3}, ){4}\d+\.\d{3} ms\/KB; \d+\.\d{3} ms\/KB counting each posting's fastest pass$/m,
    );
    // Stage by stage, each posting's fastest pass is no slower than the median pass.
    for (const stage of ['scan', 'resolve', 'roleMatch'] as const) {
      assert.ok(report.fastestStageMsPerKb[stage] > 0 && report.fastestStageMsPerKb[stage] <= report.stageMsPerKb[stage] + 1e-9);
    }
    assert.match(
      renderCatalogScaleReport(report),
      /^fastest {4}scan \d+\.\d{3} ms\/KB, resolve \d+\.\d{3} ms\/KB, role match \d+\.\d{3} ms\/KB \(each posting's fastest pass, stage by stage\)$/m,
    );
    assert.ok(report.gcMsPerKb.minor >= 0 && report.gcMsPerKb.major >= 0);
    assert.match(
      renderCatalogScaleReport(report),
      /^gc {9}\d+\.\d{3} ms\/KB young-generation and \d+\.\d{3} ms\/KB old-generation pauses/m,
    );
    // Too few postings to spare: the warm-up matched the timed ones, and the report says so.
    assert.deepEqual(report.warmUp, { postings: 2, timedToo: true });
    assert.equal(report.timedPasses, 5);
    assert.match(renderCatalogScaleReport(report), /median of 5 timed passes, after 2 warm-up postings \(the first timed ones\)/);
  });

  it('warms up on postings it does not time when the corpus has enough of them', async () => {
    const description = readFileSync(join(EXAMPLES, 'senior-developer.txt'), 'utf8');
    const postings = Array.from({ length: 101 }, (_, index) => ({ postingId: `p${index}`, description }));
    const report = await benchmarkCatalogScale({}, { name: 'examples', postings }, 1);
    assert.deepEqual(report.warmUp, { postings: 100, timedToo: false });
    assert.equal(report.postings, 1);
    assert.match(renderCatalogScaleReport(report), /after 100 warm-up postings \(not among the timed\)/);
  });
});

describe('CollectionLog', () => {
  it('adds up the young-generation pauses that started within a pass, and none outside it', async () => {
    const log = new CollectionLog();
    const idle = { startedAt: performance.now(), endedAt: performance.now() };
    const busy = { startedAt: performance.now(), endedAt: 0 };
    // Far more short-lived garbage than the young generation holds: it must be collected several times.
    let kept = 0;
    for (let round = 0; round < 2_000; round++) kept += Array.from({ length: 10_000 }, (_, index) => ({ index })).length;
    busy.endedAt = performance.now();
    await log.stop();
    assert.equal(kept, 20_000_000);
    assert.ok(log.pauseMs('minor', busy) > 0);
    assert.equal(log.pauseMs('minor', idle), 0);
  });
});
