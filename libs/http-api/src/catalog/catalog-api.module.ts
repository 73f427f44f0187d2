import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CatalogQueryStore } from '@jdpipe/persistence';

import { CatalogController } from './catalog.controller';

/** `GET /v1/catalog…`, read straight from the catalog tables. */
@Module({
  controllers: [CatalogController],
  providers: [
    { provide: CatalogQueryStore, useFactory: (dataSource: DataSource) => new CatalogQueryStore(dataSource), inject: [DataSource] },
  ],
})
export class CatalogApiModule {}
