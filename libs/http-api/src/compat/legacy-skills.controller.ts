import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Inject,
  InternalServerErrorException,
  NotFoundException,
  Post,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { RunDocument } from '@jdpipe/contracts';
import { RunStore } from '@jdpipe/persistence';

import { RequireRole } from '../auth/require-role.decorator';
import { POSTING_INTAKE, type PostingIntake } from '../http-api.ports';
import { toExtractDetailsAnswer } from './extract-details.mapper';
import { toExtractFromJdAnswer } from './extract-from-jd.mapper';
import { toFinalRoleOutputAnswer } from './final-role-output.mapper';
import type { LegacyExtractDetailsAnswer, LegacyExtractFromJdAnswer, LegacyFinalRoleOutputAnswer } from './legacy-answers';
import { readLegacyRequest } from './legacy-request';
import { LegacyRequestDto } from './legacy-request.dto';
import type { RunCatalogFacts } from './run-catalog-facts';
import { RunCatalogFactsStore } from './run-catalog-facts.store';

/** Top-level keys of an answer, for the API document; the nesting is the old system's, see the README. */
function legacyAnswerSchema(keys: string[]): { type: 'object'; properties: Record<string, object> } {
  return { type: 'object', properties: Object.fromEntries(keys.map((key) => [key, {}])) };
}

/**
 * The replaced system's three endpoints, which its clients still call: each runs the posting through jdpipe
 * (or reads the run named by `run_id`) and answers in the old snake_case shape.
 */
@ApiTags('compat')
@Controller('skills')
@RequireRole('ingest')
@ApiBadRequestResponse({ description: 'No job description, or a field of the wrong type (problem+json)' })
@ApiNotFoundResponse({ description: 'run_id names no run' })
export class LegacySkillsController {
  constructor(
    @Inject(POSTING_INTAKE) private readonly intake: PostingIntake,
    @Inject(RunStore) private readonly runs: RunStore,
    @Inject(RunCatalogFactsStore) private readonly facts: RunCatalogFactsStore,
  ) {}

  @Post('extract-from-jd')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: LegacyRequestDto })
  @ApiOperation({ summary: 'Old API 1: parsed posting, skills, role signals and decision' })
  @ApiOkResponse({
    schema: legacyAnswerSchema([
      'final_skills',
      'jd_role',
      'nano_parsed',
      'rejected',
      'rejection_reason',
      'run_id',
      'stage3_signals',
      'stage4_decision',
      'stage5_updates',
    ]),
  })
  async extractFromJd(@Body() body: unknown): Promise<LegacyExtractFromJdAnswer> {
    const { run, facts } = await this.runFor(body);
    return toExtractFromJdAnswer(run, facts);
  }

  @Post('extract-details')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: LegacyRequestDto })
  @ApiOperation({ summary: 'Old API 2: each skill against the library, with aliases and dimensions' })
  @ApiOkResponse({
    schema: legacyAnswerSchema([
      'alias_matches',
      'candidate_roles',
      'chosen_role',
      'dimensions',
      'input_final_skills',
      'input_llm_skills',
      'new_aliases_persisted',
      'run_id',
      'skills_detail',
      'unmatched_skills',
    ]),
  })
  async extractDetails(@Body() body: unknown): Promise<LegacyExtractDetailsAnswer> {
    const { run, facts } = await this.runFor(body);
    return toExtractDetailsAnswer(run, facts);
  }

  @Post('final-role-output')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: LegacyRequestDto })
  @ApiOperation({ summary: 'Old API 3: the chosen role, the links saved and the model spend' })
  @ApiOkResponse({
    schema: legacyAnswerSchema([
      'chosen_role',
      'chosen_role_resolution',
      'final_input_skills',
      'llm_cost_api1_usd',
      'llm_cost_api2_usd',
      'llm_cost_api3_usd',
      'llm_cost_total_usd',
      'persistence',
      'planner_output',
      'run_id',
    ]),
  })
  async finalRoleOutput(@Body() body: unknown): Promise<LegacyFinalRoleOutputAnswer> {
    const { run, facts } = await this.runFor(body);
    return toFinalRoleOutputAnswer(run, facts);
  }

  private async runFor(body: unknown): Promise<{ run: RunDocument; facts: RunCatalogFacts }> {
    const read = readLegacyRequest(body);
    if (!read.ok) throw new BadRequestException({ title: 'Invalid request', errors: read.errors });
    const run = read.request.kind === 'run' ? await this.storedRun(read.request.runId) : await this.intake.runAndWait(read.request.posting);
    // The old system had no failed state: a rejection is an answer, a failure is the server's.
    if (run.status === 'failed') {
      throw new InternalServerErrorException({
        title: 'The run failed',
        detail: `run ${run.runId} failed: ${run.rejection?.code ?? 'unknown'}`,
      });
    }
    return { run, facts: await this.facts.factsFor(run) };
  }

  private async storedRun(runId: string): Promise<RunDocument> {
    const run = await this.runs.getRun(runId);
    if (!run) throw new NotFoundException(`no run ${runId}`);
    return run;
  }
}
