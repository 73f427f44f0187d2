import { Module } from '@nestjs/common';

import { SkillsResolvedV1, TOPICS } from '@jdpipe/contracts';

import { stageConsumerProvider } from '../stage-binding/stage-consumer.provider';
import { PERSISTER_PRODUCER, PersistRunHandler } from './persist-run.handler';
import { RUN_RECORDER, type RunRecorder } from './run-recorder.port';

@Module({
  providers: [
    stageConsumerProvider({
      consumes: TOPICS.skillsResolved,
      publishes: TOPICS.runCompleted,
      group: PERSISTER_PRODUCER,
      eventClass: SkillsResolvedV1,
      inject: [RUN_RECORDER],
      createHandler: (recorder: RunRecorder) => new PersistRunHandler(recorder),
    }),
  ],
})
export class PersisterStageModule {}
