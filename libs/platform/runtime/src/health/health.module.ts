import { Module } from '@nestjs/common';

import { HealthController } from './health.controller';

/** `/health` and `/ready` for every service. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
