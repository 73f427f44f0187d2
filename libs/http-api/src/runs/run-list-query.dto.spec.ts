import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { RunListQueryDto, runListQueryOf } from './run-list-query.dto';

const dtoOf = (query: Record<string, string>) => plainToInstance(RunListQueryDto, query);

describe('run list query', () => {
  it('reads a date-only `to` as the whole UTC day and an instant as an inclusive bound', () => {
    const byDay = runListQueryOf(dtoOf({ from: '2026-03-01', to: '2026-03-02' }));
    assert.equal(byDay.createdFrom?.toISOString(), '2026-03-01T00:00:00.000Z');
    assert.equal(byDay.createdBefore?.toISOString(), '2026-03-03T00:00:00.000Z');
    const byInstant = runListQueryOf(dtoOf({ to: '2026-03-02T10:00:00Z' }));
    assert.equal(byInstant.createdBefore?.toISOString(), '2026-03-02T10:00:00.001Z');
  });

  it('maps q to the text filter and defaults to the first 50 runs', () => {
    assert.deepEqual(runListQueryOf(dtoOf({ q: 'nurse', status: 'completed', role: 'staff-nurse' })), {
      status: 'completed',
      role: 'staff-nurse',
      text: 'nurse',
      createdFrom: undefined,
      createdBefore: undefined,
      limit: 50,
      offset: 0,
    });
  });

  it('names every invalid field', () => {
    const errors = validateSync(dtoOf({ status: 'done', limit: '201', offset: '-1', from: '1 March' }));
    assert.deepEqual(errors.map((error) => error.property).sort(), ['from', 'limit', 'offset', 'status']);
  });

  it('refuses an ISO 8601 form that names no calendar instant, with the field', () => {
    const dto = dtoOf({ from: '2026-W10' });
    assert.deepEqual(validateSync(dto), [], 'week dates are valid ISO 8601');
    assert.throws(
      () => runListQueryOf(dto),
      (error: unknown) =>
        error instanceof BadRequestException && (error.getResponse() as { errors: Array<{ field: string }> }).errors[0].field === 'from',
    );
  });
});
