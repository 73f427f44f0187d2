import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { wholeNumber } from './whole-number';

describe('wholeNumber', () => {
  it('returns the fallback when unset or blank, the value when in range', () => {
    const problems: string[] = [];
    assert.equal(wholeNumber({}, 'PORT', 80, 0, 65_535, problems), 80);
    assert.equal(wholeNumber({ PORT: '  ' }, 'PORT', 80, 0, 65_535, problems), 80);
    assert.equal(wholeNumber({ PORT: '8080' }, 'PORT', 80, 0, 65_535, problems), 8080);
    assert.deepEqual(problems, []);
  });

  it('records a value that is not whole or out of range, naming the variable', () => {
    const problems: string[] = [];
    assert.equal(wholeNumber({ PORT: '1.5' }, 'PORT', 80, 0, 65_535, problems), 80);
    assert.equal(wholeNumber({ PORT: '70000' }, 'PORT', 80, 0, 65_535, problems), 80);
    assert.deepEqual(problems, [
      'PORT must be a whole number from 0 to 65535, got "1.5"',
      'PORT must be a whole number from 0 to 65535, got "70000"',
    ]);
  });
});
