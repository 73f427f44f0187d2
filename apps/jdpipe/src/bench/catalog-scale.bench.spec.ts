import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { benchmarkCatalogScale, renderCatalogScaleReport } from './catalog-scale.bench';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', '..', 'examples');

describe('benchmarkCatalogScale on the seed catalog alone', () => {
  it('times every posting once after the warm-up, and counts the parser rejections apart', async () => {
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
    assert.match(renderCatalogScaleReport(report), /timed after \d+ warm-up postings/);
  });
});
