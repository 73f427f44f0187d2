import { Module } from '@nestjs/common';

import { PostingsController } from './postings.controller';

/** Ingest over HTTP, through the host's `POSTING_INTAKE`. */
@Module({ controllers: [PostingsController] })
export class PostingsApiModule {}
