import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/** Most postings one request may carry; larger loads belong on the topic itself. */
export const MAX_POSTINGS_PER_REQUEST = 500;

/** One posting as an ATS sends it over HTTP. */
export class PostingDto {
  @ApiPropertyOptional({ type: String, maxLength: 200, description: 'The sender’s id; derived from the text when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  postingId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  // Long texts are accepted here and rejected by the parser as PARSE.TOO_LARGE with a run to show for it.
  @ApiProperty({ type: String, description: 'The posting text' })
  @IsString()
  @IsNotEmpty()
  description!: string;

  @ApiPropertyOptional({ type: String, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @ApiPropertyOptional({ type: String, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  company?: string;

  @ApiPropertyOptional({ type: String, maxLength: 200, description: 'Where the posting comes from, e.g. the ATS name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;
}

/** `{"postings": [...]}`: many postings in one request. */
export class PostingBatchDto {
  @ApiProperty({ type: [PostingDto], minItems: 1, maxItems: MAX_POSTINGS_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POSTINGS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => PostingDto)
  postings!: PostingDto[];
}

export class AcceptedPostingDto {
  @ApiProperty({ type: String, format: 'uuid' })
  runId!: string;

  @ApiProperty({ type: String })
  postingId!: string;
}

export class AcceptedPostingsDto {
  @ApiProperty({ type: [AcceptedPostingDto] })
  runs!: AcceptedPostingDto[];
}
