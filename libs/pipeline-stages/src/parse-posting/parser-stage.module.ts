import { Module } from '@nestjs/common';

import { JobPostedV1, TOPICS } from '@jdpipe/contracts';

import { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { LLM_ASSIST, LlmAssist } from '../llm-assist/llm-assist.runtime';
import { stageConsumerProvider } from '../stage-binding/stage-consumer.provider';
import { PARSER_PRODUCER, ParsePostingHandler } from './parse-posting.handler';

@Module({
  providers: [
    stageConsumerProvider({
      consumes: TOPICS.jobPosted,
      publishes: TOPICS.jobParsed,
      group: PARSER_PRODUCER,
      eventClass: JobPostedV1,
      inject: [CatalogRuntime, LLM_ASSIST],
      createHandler: (catalog: CatalogRuntime, assist: LlmAssist) => new ParsePostingHandler(catalog, assist),
    }),
  ],
})
export class ParserStageModule {}
