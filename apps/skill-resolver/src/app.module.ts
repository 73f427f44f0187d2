import { Module } from '@nestjs/common';

import { SkillResolverStageModule } from '@jdpipe/pipeline-stages';
import { ServicePlatformModule } from '@jdpipe/runtime';

/** Skill resolver: `roles.decided.v1` → `skills.resolved.v1`. */
@Module({ imports: [ServicePlatformModule.forRoot('skill-resolver'), SkillResolverStageModule] })
export class AppModule {}
