import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fakeReply } from './fake-llm-replies';
import { noPostingFields } from './posting-answers';
import type { FakeChatRequest, FakeLlmServer } from './fake-llm-server';

/** Schema names of the pipeline's chat calls, as sent in `response_format.json_schema.name`. */
export const RECORDED_SCHEMAS = { postingAssist: 'posting_assist', roleTieBreak: 'role_tie_break' } as const;

/**
 * The answers recorded for one posting (one file of `eval/llm-recordings/`). The fake replays them to any
 * chat request whose posting contains `match`; a call with no recorded answer gets no reply from it.
 */
export interface RecordedAnswers {
  /** How the answers were made (by hand, by a script from labels, from a real model); kept with the file. */
  about: string;
  /** The labelled case the answers belong to. */
  case: string;
  /** Words of the posting that single it out among the recorded ones. */
  match: string;
  /** The `posting_assist` answer, or null when none was recorded. */
  postingAssist: unknown;
  /** The `role_tie_break` answer, or null when none was recorded. */
  roleTieBreak: unknown;
}

/** Every `*.json` recording of a folder, sorted by file name; a file missing a field is an error naming it. */
export function loadRecordedAnswers(dir: string): RecordedAnswers[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Partial<RecordedAnswers>;
      for (const field of ['about', 'case', 'match'] as const) {
        if (typeof raw[field] !== 'string' || raw[field] === '')
          throw new Error(`${join(dir, name)}: "${field}" must be a non-empty string`);
      }
      return {
        about: raw.about!,
        case: raw.case!,
        match: raw.match!,
        postingAssist: raw.postingAssist ?? null,
        roleTieBreak: raw.roleTieBreak ?? null,
      };
    });
}

/**
 * Scripts the fake to replay recordings: each recorded answer answers every request of its schema whose user
 * message (the posting) contains the recording's `match`. A posting matching no recording gets the fake's
 * "unscripted" 400, so the pipeline falls back to offline for it, unless `answerUnrecorded` adds a rule.
 */
export function replayRecordedAnswers(server: FakeLlmServer, recordings: readonly RecordedAnswers[]): FakeLlmServer {
  for (const recording of recordings) {
    const posting = (request: FakeChatRequest) => request.user.includes(recording.match);
    if (recording.postingAssist !== null) {
      server.onChat(
        (request) => request.schemaName === RECORDED_SCHEMAS.postingAssist && posting(request),
        fakeReply.json(recording.postingAssist),
      );
    }
    if (recording.roleTieBreak !== null) {
      server.onChat(
        (request) => request.schemaName === RECORDED_SCHEMAS.roleTieBreak && posting(request),
        fakeReply.json(recording.roleTieBreak),
      );
    }
  }
  return server;
}

/**
 * Scripts the fake to answer every other posting as a cautious model would that finds nothing to add: no
 * fields, no skills, and the tie-break confirming the first candidate of the context. Token counts follow
 * from the lengths of the request and the answer, so calls and tokens per posting stay realistic.
 */
export function answerUnrecorded(server: FakeLlmServer): FakeLlmServer {
  server.onChat({ schemaName: RECORDED_SCHEMAS.postingAssist }, () =>
    fakeReply.json({
      fields: noPostingFields(),
      skills: [],
    }),
  );
  server.onChat({ schemaName: RECORDED_SCHEMAS.roleTieBreak }, (request) => {
    const firstCandidate = /"slug":\s*"([^"]+)"/.exec(request.user)?.[1] ?? null;
    return fakeReply.json({ choice: firstCandidate, newRole: null, reasoning: 'The first candidate fits the duties listed.' });
  });
  return server;
}
