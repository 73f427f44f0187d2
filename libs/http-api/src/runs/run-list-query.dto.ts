import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

import type { RunStatus } from '@jdpipe/contracts';
import type { RunListQuery } from '@jdpipe/persistence';

import { PageQueryDto } from '../paging/page-query.dto';

export const RUN_STATUSES: RunStatus[] = ['completed', 'rejected', 'failed'];
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** `GET /v1/runs` query: filters on status, role, creation time and text, one page at a time. */
export class RunListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RUN_STATUSES })
  @IsOptional()
  @IsIn(RUN_STATUSES)
  status?: RunStatus;

  @ApiPropertyOptional({ description: 'Slug of the chosen role', example: 'backend-engineer', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiPropertyOptional({
    description: 'Runs created at or after this ISO 8601 date or instant (a date means its start, UTC)',
    example: '2026-03-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'Runs created up to this ISO 8601 date (inclusive, UTC) or before this instant',
    example: '2026-03-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of the title, posting id, role slug or posting text', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** The store's query for a validated request; a date-only `to` includes that whole day. */
export function runListQueryOf(dto: RunListQueryDto): RunListQuery {
  return {
    status: dto.status,
    role: dto.role,
    text: dto.q,
    createdFrom: dto.from ? instantOf('from', dto.from) : undefined,
    createdBefore: dto.to ? exclusiveEndOf(dto.to) : undefined,
    limit: dto.limit,
    offset: dto.offset,
  };
}

function exclusiveEndOf(to: string): Date {
  const instant = instantOf('to', to);
  // A date names a whole UTC day; an instant is an exact bound, made exclusive by one millisecond.
  return new Date(instant.getTime() + (DATE_ONLY.test(to) ? DAY_MS : 1));
}

/** ISO 8601 allows forms (week dates, ordinal days) that JavaScript dates do not read: refuse those too. */
function instantOf(field: string, value: string): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new BadRequestException({
      title: 'Invalid request',
      errors: [{ field, messages: [`${field} must be a calendar date or date-time`] }],
    });
  }
  return instant;
}
