import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

import type { AliasType } from '@jdpipe/catalog';
import type { ParsedJd, Requirement } from '@jdpipe/jd-parsing';

import { JobPostedV1 } from '../job-posted/job-posted.v1.event';

export class RejectionV1 {
  /** Stable code such as PARSE.NOT_A_JD. */
  @IsString()
  code!: string;

  @IsString()
  reason!: string;
}

/** A catalog alias found in the text, before resolution. */
export class SkillMentionV1 {
  @IsString()
  skillSlug!: string;

  @IsArray()
  @IsString({ each: true })
  alternatives!: string[];

  @IsString()
  matchedText!: string;

  @IsString()
  aliasText!: string;

  @IsIn(['canonical', 'synonym', 'abbreviation', 'misspelling'])
  aliasType!: AliasType;

  @IsInt()
  @Min(0)
  start!: number;

  @IsInt()
  @Min(0)
  end!: number;

  @IsOptional()
  @IsInt()
  sectionIndex!: number | null;

  @IsIn(['required', 'preferred'])
  requirement!: Requirement;
}

/** A skill-like phrase the catalog does not know yet: a proposal in the making. */
export class CandidatePhraseV1 {
  @IsString()
  text!: string;

  @IsInt()
  @Min(0)
  start!: number;

  @IsInt()
  @Min(0)
  end!: number;

  @IsOptional()
  @IsInt()
  sectionIndex!: number | null;

  @IsIn(['required', 'preferred'])
  requirement!: Requirement;
}

/** `jobs.parsed.v1`: the posting plus its parsed fields and raw skill mentions, or a rejection. */
export class JobParsedV1 extends JobPostedV1 {
  /** Catalog version the mentions were matched against. */
  @IsInt()
  catalogVersion!: number;

  /** Null when the posting was rejected. */
  @IsOptional()
  @IsObject()
  parsed!: ParsedJd | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => RejectionV1)
  rejection!: RejectionV1 | null;

  @ValidateNested({ each: true })
  @Type(() => SkillMentionV1)
  mentions!: SkillMentionV1[];

  @ValidateNested({ each: true })
  @Type(() => CandidatePhraseV1)
  candidatePhrases!: CandidatePhraseV1[];
}
