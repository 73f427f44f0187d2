import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { RUN_STATUSES } from './run-list-query.dto';

const DECISION_CASES = ['ALIAS', 'KRA', 'SKILL', 'DOMAIN', 'NEW'];
const MODES = ['offline', 'llm', 'hybrid'];

/** What every run answer starts with: which run, of which posting, how it ended, on which catalog and mode. */
export class RunHeaderDto {
  @ApiProperty({ format: 'uuid' })
  runId!: string;

  @ApiProperty()
  postingId!: string;

  @ApiProperty({ enum: RUN_STATUSES })
  status!: string;

  @ApiProperty()
  catalogVersion!: number;

  @ApiProperty({ enum: MODES })
  mode!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  completedAt!: string | null;
}

export class RunSummaryDto extends RunHeaderDto {
  @ApiProperty({ type: String, nullable: true, example: 'PARSE.NOT_A_JD' })
  rejectionCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;

  @ApiProperty({ type: String, nullable: true })
  roleSlug!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The role’s display name in the catalog' })
  roleName!: string | null;

  @ApiProperty({ type: String, nullable: true, enum: DECISION_CASES })
  decisionCase!: string | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 })
  confidence!: number | null;
}

export class RunPageDto {
  @ApiProperty({ type: [RunSummaryDto], description: 'Newest first' })
  items!: RunSummaryDto[];

  @ApiProperty({ description: 'Runs matching the filter, all pages together' })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}

/**
 * The run document (libs/contracts RunDocument), described here by its top-level fields; the nested shapes
 * are documented with the contract and the README.
 */
export class RunDocumentDto extends RunHeaderDto {
  @ApiProperty({ type: Object, nullable: true, description: '`{code, reason}` of a rejected or failed run' })
  rejection!: object | null;

  @ApiProperty({ type: Object, description: 'The posting as received: title, description, location, company, source' })
  posting!: object;

  @ApiProperty({ type: Object, nullable: true, description: 'Parsed fields: title, seniority, ctc, experience, sections …' })
  parsed!: object | null;

  @ApiProperty({ type: Object, nullable: true, description: 'The decision: slug, displayName, case, confidence, reasoning …' })
  role!: object | null;

  @ApiProperty({ type: [Object] })
  runnersUp!: object[];

  @ApiProperty({ type: Object, nullable: true, description: 'Per candidate role: alias hits, KRA matches, skill overlap, domain score' })
  signals!: object | null;

  @ApiProperty({ type: [Object], description: 'Resolved skills with evidence offsets into the description and dimensions' })
  skills!: object[];

  @ApiProperty({ type: [Object] })
  proposals!: object[];

  @ApiProperty({ type: [Object] })
  llmCalls!: object[];

  @ApiPropertyOptional({ type: Object })
  llmAssist?: object;

  @ApiProperty({ type: Object, description: 'Milliseconds per stage' })
  timings!: Record<string, number>;

  @ApiProperty({ type: String, nullable: true })
  traceId!: string | null;
}

export class LlmCallDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'role-matcher' })
  stage!: string;

  @ApiProperty({ example: 'tie-break' })
  purpose!: string;

  @ApiProperty()
  model!: string;

  @ApiProperty()
  promptVersion!: string;

  @ApiProperty()
  inputTokens!: number;

  @ApiProperty()
  cachedTokens!: number;

  @ApiProperty()
  outputTokens!: number;

  @ApiProperty({ type: Number, nullable: true })
  costUsd!: number | null;

  @ApiProperty()
  latencyMs!: number;

  @ApiProperty()
  cacheHit!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'LLM.TIMEOUT' })
  error!: string | null;

  @ApiProperty({ nullable: true, description: 'The request sent, when it was stored' })
  request!: unknown;

  @ApiProperty({ nullable: true, description: 'The answer received, when it was stored' })
  response!: unknown;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class LlmCallListDto {
  @ApiProperty({ type: [LlmCallDto] })
  items!: LlmCallDto[];
}
