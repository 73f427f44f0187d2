import { readFileSync } from 'node:fs';

import { PipelineError } from '@jdpipe/contracts';

import type { PostingSubmission } from '@jdpipe/pipeline-stages';

/** Reads FILE or `-` (stdin): plain text, or JSON `{title, description, ...}`. */
export function readPostingInput(path: string, titleOverride: string | undefined): PostingSubmission {
  const text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  const submission = text.trimStart().startsWith('{') ? postingFromJson(text, path) : { description: text };
  return titleOverride ? { ...submission, title: titleOverride } : submission;
}

/** One JSON posting; `description` (or `text`) is required, the other fields are optional. */
export function postingFromJson(text: string, where: string): PostingSubmission {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PipelineError('INPUT.INVALID', `${where}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PipelineError('INPUT.INVALID', `${where}: expected a JSON object with a "description"`);
  }
  const record = value as Record<string, unknown>;
  const description = record.description ?? record.text;
  if (typeof description !== 'string') {
    throw new PipelineError('INPUT.INVALID', `${where}: "description" must be a string`);
  }
  const optional = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null);
  const postingId = record.postingId ?? record.id;
  return {
    postingId: typeof postingId === 'string' || typeof postingId === 'number' ? String(postingId) : undefined,
    title: optional('title'),
    description,
    location: optional('location'),
    company: optional('company'),
    source: optional('source'),
  };
}
