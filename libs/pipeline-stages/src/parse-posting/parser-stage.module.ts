import { Module } from '@nestjs/common';

import { JobPostedV1, TOPICS } from '@jdpipe/contracts';

import { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { stageConsumerProvider } from '../stage-binding/stage-consumer.provider';
import { PARSER_PRODUCER, ParsePostingHandler } from './parse-posting.handler';

@Module({
  providers: [
    stageConsumerProvider({
      consumes: TOPICS.jobPosted,
      publishes: TOPICS.jobParsed,
      group: PARSER_PRODUCER,
      eventClass: JobPostedV1,
      inject: [CatalogRuntime],
      createHandler: (catalog: CatalogRuntime) => new ParsePostingHandler(catalog),
    }),
  ],
})
export class ParserStageModule {}
