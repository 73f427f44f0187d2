import { Module } from '@nestjs/common';

import { JobParsedV1, TOPICS } from '@jdpipe/contracts';

import { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { LLM_ASSIST, LlmAssist } from '../llm-assist/llm-assist.runtime';
import { stageConsumerProvider } from '../stage-binding/stage-consumer.provider';
import { MatchRoleHandler, ROLE_MATCHER_PRODUCER } from './match-role.handler';

@Module({
  providers: [
    stageConsumerProvider({
      consumes: TOPICS.jobParsed,
      publishes: TOPICS.roleDecided,
      group: ROLE_MATCHER_PRODUCER,
      eventClass: JobParsedV1,
      inject: [CatalogRuntime, LLM_ASSIST],
      createHandler: (catalog: CatalogRuntime, assist: LlmAssist) => new MatchRoleHandler(catalog, assist),
    }),
  ],
})
export class RoleMatcherStageModule {}
