import { Module } from '@nestjs/common';

import { ParserStageModule } from '@jdpipe/pipeline-stages';
import { ServicePlatformModule } from '@jdpipe/runtime';

/** Parser: `jobs.posted.v1` → `jobs.parsed.v1`. */
@Module({ imports: [ServicePlatformModule.forRoot('parser'), ParserStageModule] })
export class AppModule {}
