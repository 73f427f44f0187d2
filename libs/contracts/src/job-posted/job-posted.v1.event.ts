import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

import type { LlmAssistSummary, LlmCallExchange, LlmCallRecord } from '../run-document/run-document';

import { EventEnvelope } from '../envelope/event-envelope';

export class PostingV1 {
  /** Job title as the ATS has it, if any. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  /** The free-text job description. Size limits are the parser's call (it rejects, never drops). */
  @IsString()
  description!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  company?: string | null;

  /** Where the posting came from, e.g. an ATS name or "cli". */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string | null;
}

/** `jobs.posted.v1`: a posting accepted for processing. */
export class JobPostedV1 extends EventEnvelope {
  @ValidateNested()
  @Type(() => PostingV1)
  posting!: PostingV1;

  /** offline | llm | hybrid; absent means the deployment's default. */
  @IsOptional()
  @IsIn(['offline', 'llm', 'hybrid'])
  mode?: 'offline' | 'llm' | 'hybrid';

  /** When the posting was accepted; the run's creation time. */
  @IsOptional()
  @IsISO8601()
  postedAt?: string;

  /** Milliseconds per finished stage, filled in as the run moves on. */
  @IsOptional()
  timings?: Record<string, number>;

  /** Model calls made so far in the run, appended by each stage that asked a model. */
  @IsOptional()
  @IsArray()
  llmCalls?: LlmCallRecord[];

  /** The bounded request and response of each of `llmCalls`, for the `llm_calls` table only. */
  @IsOptional()
  @IsArray()
  llmExchanges?: LlmCallExchange[];

  /** What the model changed so far; absent when no model was asked. */
  @IsOptional()
  @IsObject()
  llmAssist?: LlmAssistSummary;

  /** The run this one re-does after a catalog change (`jdpipe rerun`); absent for a first run. */
  @IsOptional()
  @IsUUID()
  rerunOf?: string;
}
