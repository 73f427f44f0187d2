// class-transformer reads design-time metadata while decoding nested events.
import 'reflect-metadata';

import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** Fields every pipeline event carries; stages copy the upstream event forward and add their part. */
export abstract class EventEnvelope {
  /** Unique per event; consumers dedupe on (consumer, eventId). */
  @IsUUID()
  eventId!: string;

  /** One run = one posting going through the four stages. */
  @IsUUID()
  runId!: string;

  /** The posting's id, also the message key so a posting's events stay on one partition. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  postingId!: string;

  /** Major.minor of the event schema; the major is also in the topic name. */
  @IsIn(['1.0'])
  schemaVersion!: '1.0';

  @IsISO8601()
  occurredAt!: string;

  /** The app that published the event (gateway, cli, parser, role-matcher, skill-resolver, persister). */
  @IsString()
  @IsNotEmpty()
  producer!: string;
}
