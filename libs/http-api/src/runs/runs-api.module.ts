import { Module } from '@nestjs/common';

import { RunsController } from './runs.controller';

/** `GET /v1/runs…`, over the host's `RunStore`. */
@Module({ controllers: [RunsController] })
export class RunsApiModule {}
