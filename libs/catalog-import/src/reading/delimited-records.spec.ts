import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import type { ImportProblem } from '../import-batch';
import { CsvTokenizer, readCsvRows, readTsvRows } from './delimited-records';

function tokenize(chunks: string[]) {
  const tokenizer = new CsvTokenizer(1);
  return [...chunks.flatMap((chunk) => [...tokenizer.push(chunk)]), ...tokenizer.end()];
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'delimited-')), name);
  writeFileSync(path, content);
  return path;
}

describe('CsvTokenizer', () => {
  it('keeps commas, doubled quotes and newlines inside quoted cells, and numbers records by their first line', () => {
    const records = tokenize(['a,b\r\n"x, y","he said ""hi""\nsecond line"\nlast,row\n']);
    assert.deepEqual(
      records.map((record) => [record.line, record.cells]),
      [
        [1, ['a', 'b']],
        [2, ['x, y', 'he said "hi"\nsecond line']],
        [4, ['last', 'row']],
      ],
    );
  });

  it('gives the same records whatever the chunk boundaries, doubled quotes split included', () => {
    const text = 'k,v\n"a""b","multi\nline"\nplain,"q"""\n';
    const whole = tokenize([text]).map((record) => record.cells);
    for (let cut = 1; cut < text.length; cut++) {
      assert.deepEqual(
        tokenize([text.slice(0, cut), text.slice(cut)]).map((record) => record.cells),
        whole,
        `cut at ${cut}`,
      );
    }
  });

  it('flags stray quotes and text after a closing quote instead of guessing', () => {
    const [stray, trailing] = tokenize(['ab"c,d\n"x"y,z\n']);
    assert.equal(stray.defect, 'stray quote inside an unquoted cell');
    assert.equal(trailing.defect, 'text after a closing quote');
  });

  it('reports a quote left open and still reads the lines it would have swallowed', () => {
    const records = tokenize(['h1,h2\n"open,never closed\nnext,row\nlast,one\n']);
    assert.deepEqual(
      records.map((record) => [record.line, record.defect ?? null, record.cells]),
      [
        [1, null, ['h1', 'h2']],
        [2, 'quoted cell never closed', []],
        [3, null, ['next', 'row']],
        [4, null, ['last', 'one']],
      ],
    );
  });
});

describe('readCsvRows / readTsvRows', () => {
  it('looks columns up by header name ignoring case, and reports short rows with their line', async () => {
    const problems: ImportProblem[] = [];
    const path = tempFile('skills.csv', '\uFEFFpreferredLabel,altLabels\nPython,"Py\nCPython"\nbroken\n');
    const rows = [];
    for await (const row of readCsvRows(path, { required: ['PREFERREDLABEL'], problems }))
      rows.push([row.line, row.get('PreferredLabel'), row.get('altlabels')]);
    assert.deepEqual(rows, [[2, 'Python', 'Py\nCPython']]);
    assert.deepEqual(problems, [{ file: 'skills.csv', line: 4, message: 'expected 2 cells, found 1: row skipped' }]);
  });

  it('skips a file without a required column as one problem', async () => {
    const problems: ImportProblem[] = [];
    const path = tempFile('Occupation Data.txt', 'Code\tTitle\n15-1252.00\tSoftware Developers\n');
    const rows = [];
    for await (const row of readTsvRows(path, { required: ['O*NET-SOC Code'], problems })) rows.push(row);
    assert.equal(rows.length, 0);
    assert.deepEqual(problems, [{ file: 'Occupation Data.txt', line: 1, message: 'missing column(s) O*NET-SOC Code: file skipped' }]);
  });
});
