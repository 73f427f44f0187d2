import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseTitleCases, withoutPairsIn } from './title-cases';

describe('parseTitleCases', () => {
  it('reads quoted fields with commas and doubled quotes, CRLF line ends and a trailing newline', () => {
    const csv =
      'text,label\r\n"Senior Analyst, Operational Risk",accounting manager\r\n"The ""Best"" Cook",cook\r\nSales Rep,sales assistant\n';
    const { cases, problems } = parseTitleCases(csv);
    assert.deepEqual(problems, []);
    assert.deepEqual(cases, [
      { text: 'Senior Analyst, Operational Risk', label: 'accounting manager' },
      { text: 'The "Best" Cook', label: 'cook' },
      { text: 'Sales Rep', label: 'sales assistant' },
    ]);
  });

  it('finds the columns by header name and reports rows missing a field with their line', () => {
    const { cases, problems } = parseTitleCases('label,text\ncook,Chef de partie\nwaiter\n');
    assert.deepEqual(cases, [{ text: 'Chef de partie', label: 'cook' }]);
    assert.deepEqual(problems, [{ line: 3, message: 'expected text and label, got 1 field(s)' }]);
  });

  it('refuses a file without text and label columns', () => {
    assert.equal(parseTitleCases('title,occupation\nx,y\n').problems[0]?.line, 1);
  });
});

describe('withoutPairsIn', () => {
  it('drops the (title, label) pairs of the held-out split, ignoring case, and keeps the same title with another label', () => {
    const tuning = [
      { text: 'Marketing Executive', label: 'marketing assistant' },
      { text: 'Marketing Executive', label: 'online marketer' },
      { text: 'Cook', label: 'cook' },
    ];
    const held = [{ text: 'MARKETING EXECUTIVE', label: 'Marketing Assistant' }];
    assert.deepEqual(withoutPairsIn(tuning, held), tuning.slice(1));
  });
});
