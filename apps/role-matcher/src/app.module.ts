import { Module } from '@nestjs/common';

import { RoleMatcherStageModule } from '@jdpipe/pipeline-stages';
import { ServicePlatformModule } from '@jdpipe/runtime';

/** Role matcher: `jobs.parsed.v1` → `roles.decided.v1`. */
@Module({ imports: [ServicePlatformModule.forRoot('role-matcher'), RoleMatcherStageModule] })
export class AppModule {}
