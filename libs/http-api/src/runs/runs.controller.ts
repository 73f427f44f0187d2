import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import type { RunDocument } from '@jdpipe/contracts';
import { RunStore } from '@jdpipe/persistence';

import { LlmCallListDto, RunDocumentDto, RunPageDto } from './run.dto';
import { RunListQueryDto, runListQueryOf } from './run-list-query.dto';

// An id that is not a UUID cannot name a run: the same 404 as an unknown one.
const runIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('no run has this id') });

/** Runs as stored: the searchable list, one run document, and its LLM calls. */
@ApiTags('runs')
@Controller('v1/runs')
export class RunsController {
  constructor(private readonly runs: RunStore) {}

  @Get()
  @ApiOperation({ summary: 'Runs, newest first, filtered by status, role, creation date and text' })
  @ApiOkResponse({ type: RunPageDto })
  async list(@Query() query: RunListQueryDto): Promise<RunPageDto> {
    const page = await this.runs.listRunPage(runListQueryOf(query));
    return { ...page, limit: query.limit, offset: query.offset };
  }

  @Get(':runId')
  @ApiOperation({ summary: 'One run document' })
  @ApiParam({ name: 'runId', format: 'uuid' })
  @ApiOkResponse({ type: RunDocumentDto })
  @ApiNotFoundResponse({ description: 'No run has this id' })
  async get(@Param('runId', runIdPipe) runId: string): Promise<RunDocument> {
    const run = await this.runs.getRun(runId);
    if (!run) throw new NotFoundException(`run ${runId} does not exist`);
    return run;
  }

  @Get(':runId/llm-calls')
  @ApiOperation({ summary: 'The LLM calls a run made, with tokens, cost and latency' })
  @ApiParam({ name: 'runId', format: 'uuid' })
  @ApiOkResponse({ type: LlmCallListDto })
  @ApiNotFoundResponse({ description: 'No run has this id' })
  async llmCalls(@Param('runId', runIdPipe) runId: string): Promise<LlmCallListDto> {
    // An existing run without calls answers an empty list; an unknown run is a 404.
    const [known, items] = await Promise.all([this.runs.hasRun(runId), this.runs.listLlmCalls(runId)]);
    if (!known) throw new NotFoundException(`run ${runId} does not exist`);
    return { items };
  }
}
