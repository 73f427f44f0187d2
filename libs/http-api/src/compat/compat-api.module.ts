import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { LegacySkillsController } from './legacy-skills.controller';
import { RunCatalogFactsStore } from './run-catalog-facts.store';

/** The old system's `/skills/*` endpoints over jdpipe runs, for its existing clients. */
@Module({
  controllers: [LegacySkillsController],
  providers: [
    { provide: RunCatalogFactsStore, useFactory: (dataSource: DataSource) => new RunCatalogFactsStore(dataSource), inject: [DataSource] },
  ],
})
export class CompatApiModule {}
