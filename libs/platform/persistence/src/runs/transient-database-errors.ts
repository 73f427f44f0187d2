import { PipelineError } from '@jdpipe/contracts';

// SQLSTATEs worth another try: deadlock, serialization failure, and the connection-level classes.
const TRANSIENT_SQLSTATE = /^(40P01|40001|08\w{3}|57P0[123]|53300)$/;
const TRANSIENT_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * Runs a transaction, turning the failures that a later attempt can get past (a deadlock between concurrent
 * persisters, a lost connection) into retriable PipelineErrors, so the message is retried instead of
 * dead-lettered. The transaction rolled back, and the dedupe row with it: a retry starts clean.
 */
export async function asRetriableWhenTransient<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NETWORK.has(code))) {
      const area = code.startsWith('40') ? 'DB.CONFLICT' : 'DB.UNAVAILABLE';
      throw new PipelineError(area, `saving the run failed (${code}): ${(error as Error).message}`, { cause: error, retriable: true });
    }
    throw error;
  }
}
