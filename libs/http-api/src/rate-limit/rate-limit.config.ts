import { PipelineError } from '@jdpipe/contracts';
import { wholeNumber } from '@jdpipe/config';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/** `JDPIPE_API_RATE_LIMIT_PER_MINUTE`: requests a key may make per minute (bursting up to that many at once). */
export function loadRateLimitPerMinute(env: NodeJS.ProcessEnv = process.env): number {
  const problems: string[] = [];
  const perMinute = wholeNumber(env, 'JDPIPE_API_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE, 1, 1_000_000, problems);
  if (problems.length > 0) throw new PipelineError('INPUT.INVALID', problems.join('; '));
  return perMinute;
}
