import { Module } from '@nestjs/common';

import { RoleDecidedV1, TOPICS } from '@jdpipe/contracts';

import { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { stageConsumerProvider } from '../stage-binding/stage-consumer.provider';
import { ResolveSkillsHandler, SKILL_RESOLVER_PRODUCER } from './resolve-skills.handler';

@Module({
  providers: [
    stageConsumerProvider({
      consumes: TOPICS.roleDecided,
      publishes: TOPICS.skillsResolved,
      group: SKILL_RESOLVER_PRODUCER,
      eventClass: RoleDecidedV1,
      inject: [CatalogRuntime],
      createHandler: (catalog: CatalogRuntime) => new ResolveSkillsHandler(catalog),
    }),
  ],
})
export class SkillResolverStageModule {}
