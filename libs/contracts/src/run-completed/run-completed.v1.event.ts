import { IsObject } from 'class-validator';

import { EventEnvelope } from '../envelope/event-envelope';
import type { RunDocument } from '../run-document/run-document';

/** `runs.completed.v1`: the run is stored; carries the full run document. */
export class RunCompletedV1 extends EventEnvelope {
  @IsObject()
  run!: RunDocument;
}
