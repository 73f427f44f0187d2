import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/** Most postings one request may carry; larger loads belong on the topic itself. */
export const MAX_POSTINGS_PER_REQUEST = 500;

/** One posting as an ATS sends it over HTTP. */
export class PostingDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  postingId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  // Long texts are accepted here and rejected by the parser as PARSE.TOO_LARGE with a run to show for it.
  @IsString()
  @IsNotEmpty()
  description!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  company?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;
}

/** `{"postings": [...]}`: many postings in one request. */
export class PostingBatchDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POSTINGS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => PostingDto)
  postings!: PostingDto[];
}
