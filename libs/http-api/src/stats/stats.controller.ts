import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { DashboardStats } from './dashboard-stats';
import { StatsDto } from './stats.dto';
import { StatsQueryDto } from './stats-query.dto';

/** The dashboard's numbers over the last `days` UTC days. */
@ApiTags('stats')
@Controller('v1/stats')
export class StatsController {
  constructor(private readonly stats: DashboardStats) {}

  @Get()
  @ApiOperation({ summary: 'Runs per day, role distribution, top skills, pending proposals, failures and dead letters' })
  @ApiOkResponse({ type: StatsDto })
  get(@Query() query: StatsQueryDto): Promise<StatsDto> {
    return this.stats.read({ days: query.days, top: query.top });
  }
}
