import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RunsOnDayDto {
  @ApiProperty({ example: '2026-03-01', description: 'UTC day' })
  day!: string;

  @ApiProperty()
  completed!: number;

  @ApiProperty()
  rejected!: number;

  @ApiProperty()
  failed!: number;
}

export class RoleShareDto {
  @ApiProperty()
  roleSlug!: string;

  @ApiProperty()
  roleName!: string;

  @ApiProperty()
  runs!: number;
}

export class SkillShareDto {
  @ApiProperty()
  skillSlug!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  runs!: number;
}

export class ProposalsByKindDto {
  @ApiProperty()
  skill!: number;

  @ApiProperty()
  alias!: number;

  @ApiProperty()
  kra!: number;

  @ApiProperty()
  role!: number;
}

export class ProposalsPendingDto {
  @ApiProperty()
  total!: number;

  @ApiProperty({ type: ProposalsByKindDto })
  byKind!: ProposalsByKindDto;
}

export class FailureCountDto {
  @ApiProperty({ example: 'PARSE.NOT_A_JD' })
  code!: string;

  @ApiProperty()
  count!: number;
}

export class FailuresDto {
  @ApiProperty()
  total!: number;

  @ApiProperty({ type: [FailureCountDto] })
  byCode!: FailureCountDto[];
}

export class DeadLetterTopicCountDto {
  @ApiProperty({ example: 'jobs.posted.v1.dlq' })
  topic!: string;

  @ApiProperty()
  count!: number;
}

export class DeadLettersDto {
  @ApiProperty()
  total!: number;

  @ApiProperty({ type: [DeadLetterTopicCountDto], description: 'One entry per dead-letter topic of a stage, in pipeline order' })
  byTopic!: DeadLetterTopicCountDto[];
}

export class StatsDto {
  @ApiProperty()
  catalogVersion!: number;

  @ApiProperty({ type: [RunsOnDayDto], description: 'Every day of the window, oldest first; days without runs count zero' })
  runsPerDay!: RunsOnDayDto[];

  @ApiProperty({ type: [RoleShareDto], description: 'Completed runs of the window per chosen role, most first' })
  roleDistribution!: RoleShareDto[];

  @ApiProperty({ type: [SkillShareDto], description: 'Catalog skills by runs of the window that found them, most first' })
  topSkills!: SkillShareDto[];

  @ApiProperty({ type: ProposalsPendingDto, description: 'The review queue now, whatever the window' })
  proposalsPending!: ProposalsPendingDto;

  @ApiProperty({ type: FailuresDto, description: 'Rejected and failed runs of the window per error code' })
  failures!: FailuresDto;

  @ApiPropertyOptional({
    type: DeadLettersDto,
    nullable: true,
    description:
      'Records the `<topic>.dlq` topics hold now (what retention keeps, whatever the window), in the Kafka deployment. ' +
      'Null when the broker could not be asked. Absent in the embedded mode, which has no dead-letter topics: ' +
      'there a dead-lettered event is recorded as a failed run and counted in `failures`.',
  })
  deadLetters?: DeadLettersDto | null;
}
