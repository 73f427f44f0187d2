import type { PostingSubmission } from '@jdpipe/pipeline-stages';

import type { FieldError } from '../problem-details/problem';

/** The keys under which the old system's clients send the job description, in order of preference. */
export const LEGACY_DESCRIPTION_KEYS = ['jd', 'jd_text', 'job_description', 'description', 'text'] as const;
const LEGACY_TITLE_KEYS = ['title', 'job_title'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Recorded as the posting's source, so runs that came in through the old endpoints can be told apart. */
export const LEGACY_SOURCE = 'legacy-api';

/** What an old client asked for: a new run of a posting, or (with `run_id`) the answer for an earlier run. */
export type LegacyRequest = { kind: 'posting'; posting: PostingSubmission } | { kind: 'run'; runId: string };

/**
 * Reads an old client's request body. The old calls chained on `run_id`, so a body naming a run (and no job
 * description) reads that run instead of starting another.
 */
export function readLegacyRequest(body: unknown): { ok: true; request: LegacyRequest } | { ok: false; errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ field: '', messages: ['the body must be a JSON object'] }] };
  }
  const fields = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const text = (key: string): string | null => {
    const value = fields[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    errors.push({ field: key, messages: [`${key} must be a string`] });
    return null;
  };

  const descriptions = LEGACY_DESCRIPTION_KEYS.flatMap((key) => {
    const value = text(key);
    return value === null ? [] : [{ key, value }];
  });
  const title = LEGACY_TITLE_KEYS.map(text).find((value) => value !== null) ?? null;
  const location = text('location');
  const company = text('company') ?? text('company_name');
  const runId = text('run_id');
  if (errors.length > 0) return { ok: false, errors };

  if (descriptions.length === 0) {
    if (runId !== null) {
      return UUID.test(runId)
        ? { ok: true, request: { kind: 'run', runId } }
        : { ok: false, errors: [{ field: 'run_id', messages: ['run_id must be a UUID'] }] };
    }
    return {
      ok: false,
      errors: [{ field: 'jd', messages: [`the job description is required (one of ${LEGACY_DESCRIPTION_KEYS.join(', ')})`] }],
    };
  }
  const [first] = descriptions;
  if (descriptions.some((entry) => entry.value !== first.value)) {
    const keys = descriptions.map((entry) => entry.key);
    return { ok: false, errors: keys.map((key) => ({ field: key, messages: [`different job descriptions under ${keys.join(' and ')}`] })) };
  }
  if (first.value.trim() === '') return { ok: false, errors: [{ field: first.key, messages: [`${first.key} must not be empty`] }] };
  return {
    ok: true,
    request: { kind: 'posting', posting: { description: first.value, title, location, company, source: LEGACY_SOURCE } },
  };
}
