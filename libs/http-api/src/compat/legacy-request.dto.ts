import { ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The body the old system's endpoints took, for the API document. One description key is enough; `run_id`
 * without a description answers for an earlier run instead of starting one.
 */
export class LegacyRequestDto {
  @ApiPropertyOptional({ description: 'The job description (also accepted as jd_text, job_description, description or text)' })
  jd?: string;

  @ApiPropertyOptional({ description: 'The posting title (also accepted as job_title)' })
  title?: string;

  @ApiPropertyOptional()
  location?: string;

  @ApiPropertyOptional({ description: 'Also accepted as company_name' })
  company?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An earlier run, e.g. the run_id of extract-from-jd, answered without running again',
  })
  run_id?: string;
}
