import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { renderImportSummary } from './catalog-import.command';

describe('renderImportSummary', () => {
  it('shows the counts per kind, the alias figures and every problem with file and line', () => {
    const text = renderImportSummary(
      {
        source: 'esco',
        release: '1.2.0',
        catalogVersion: 7,
        versionBumped: true,
        skills: { added: 12, changed: 3, unchanged: 13000, retired: 1, merged: 4 },
        roles: { added: 0, changed: 2, unchanged: 3005, retired: 0, merged: 0 },
        aliasesWritten: 40,
        linksWritten: 0,
        collidingAliasesSkipped: 5,
        droppedAliases: { short: 1, numeric: 2, generic: 3 },
        problems: [{ file: 'occupations.csv', line: 17, message: 'expected 13 cells, found 5: row skipped' }],
      },
      2500,
    );
    const lines = text.split('\n');
    assert.match(lines[0], /^esco 1\.2\.0 imported in .+: catalog version 7$/);
    assert.equal(lines[2], '        added  merged  changed  unchanged  retired');
    assert.equal(lines[3], 'skills     12       4        3      13000        1');
    assert.equal(lines[4], 'roles       0       0        2       3005        0');
    assert.ok(text.includes("aliases left out: 1 too short, 2 numeric, 3 generic, 5 already another entry's"));
    assert.ok(text.includes('  occupations.csv:17  expected 13 cells, found 5: row skipped'));
  });
});
