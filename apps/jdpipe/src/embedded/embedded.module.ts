import { Module, type DynamicModule } from '@nestjs/common';

import type { EmbeddedConfig } from '@jdpipe/config';
import {
  ParserStageModule,
  PersisterStageModule,
  RoleMatcherStageModule,
  SkillResolverStageModule,
} from '@jdpipe/pipeline-stages';

import { EmbeddedPlatformModule } from './embedded-platform.module';

/** All four stages in one process over the in-process bus. */
@Module({})
export class EmbeddedModule {
  static forRoot(config: EmbeddedConfig): DynamicModule {
    return {
      module: EmbeddedModule,
      imports: [
        EmbeddedPlatformModule.forRoot(config),
        ParserStageModule,
        RoleMatcherStageModule,
        SkillResolverStageModule,
        PersisterStageModule,
      ],
    };
  }
}
