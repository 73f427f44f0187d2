import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import type { FieldError } from './problem';

/** `[{field: "postings.3.description", messages: [...]}]`: one entry per failing field path. */
export function fieldErrorsOf(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** The 400 a validation failure answers; the problem filter turns it into problem+json with the field list. */
export function invalidRequest(title: string, errors: ValidationError[]): BadRequestException {
  return new BadRequestException({ title, errors: fieldErrorsOf(errors) });
}

/** Validates a plain body against a DTO class (unknown fields refused) or throws `invalidRequest`. */
export function validatedBody<T extends object>(dtoClass: new () => T, body: unknown, title: string): T {
  const dto = plainToInstance(dtoClass, body ?? {});
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw invalidRequest(title, errors);
  return dto;
}
