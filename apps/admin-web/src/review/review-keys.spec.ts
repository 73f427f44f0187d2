import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { moveSelection, reselect, reviewCommand } from './review-keys.js';

const press = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; inTextField: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inTextField: false,
  ...extra,
});

describe('reviewCommand', () => {
  it('maps the documented keys', () => {
    assert.deepEqual(
      ['j', 'k', 'a', 'r', 'm', 'u', 'x'].map((key) => reviewCommand(press(key))),
      ['next', 'previous', 'approve', 'reject', 'merge', 'undo', null],
    );
  });

  it('ignores presses with modifiers and typing in a field', () => {
    assert.equal(reviewCommand(press('r', { ctrlKey: true })), null);
    assert.equal(reviewCommand(press('a', { metaKey: true })), null);
    assert.equal(reviewCommand(press('a', { inTextField: true })), null);
  });
});

describe('moveSelection', () => {
  it('moves within the list and stops at its ends', () => {
    assert.equal(moveSelection(0, 1, 3), 1);
    assert.equal(moveSelection(2, 1, 3), 2);
    assert.equal(moveSelection(0, -1, 3), 0);
    assert.equal(moveSelection(0, 1, 0), -1);
  });
});

describe('reselect', () => {
  it('follows the selected item when it is still listed', () => {
    assert.equal(reselect(7, 0, [3, 5, 7]), 2);
  });

  it('stays at the same position when the item left the list', () => {
    assert.equal(reselect(7, 1, [3, 9, 11]), 1);
    assert.equal(reselect(7, 2, [3]), 0);
    assert.equal(reselect(null, 0, []), -1);
  });
});
