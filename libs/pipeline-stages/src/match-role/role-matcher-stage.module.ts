import { Module } from '@nestjs/common';

import { JobParsedV1, TOPICS } from '@jdpipe/contracts';

import { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { stageConsumerProvider } from '../stage-binding/stage-consumer.provider';
import { MatchRoleHandler, ROLE_MATCHER_PRODUCER } from './match-role.handler';

@Module({
  providers: [
    stageConsumerProvider({
      consumes: TOPICS.jobParsed,
      publishes: TOPICS.roleDecided,
      group: ROLE_MATCHER_PRODUCER,
      eventClass: JobParsedV1,
      inject: [CatalogRuntime],
      createHandler: (catalog: CatalogRuntime) => new MatchRoleHandler(catalog),
    }),
  ],
})
export class RoleMatcherStageModule {}
