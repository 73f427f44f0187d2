import { Module } from '@nestjs/common';

import { PersisterStageModule } from '@jdpipe/pipeline-stages';
import { ServicePlatformModule } from '@jdpipe/runtime';

/** Persister: `skills.resolved.v1` → one transaction → `runs.completed.v1`. */
@Module({ imports: [ServicePlatformModule.forRoot('persister'), PersisterStageModule] })
export class AppModule {}
