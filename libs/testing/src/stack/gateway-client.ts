import type { GatewayPosting } from './posting-corpus';

/** What the gateway answers per posting. */
export interface AcceptedRun {
  runId: string;
  postingId: string;
}

export interface PostOptions {
  /** Postings per request. */
  batchSize?: number;
  /** Request body budget; the gateway's JSON body parser refuses more than 100 kB. */
  maxRequestBytes?: number;
  /** An API key with the ingest (or admin) role, sent as a Bearer token. */
  apiKey?: string;
}

/**
 * Sends postings to `POST /v1/postings` as `{"postings": [...]}` requests, in order, and returns the accepted
 * runs in the same order. Any answer other than 202 fails with the gateway's body.
 */
export async function postPostings(gatewayUrl: string, postings: GatewayPosting[], options: PostOptions = {}): Promise<AcceptedRun[]> {
  const batchSize = options.batchSize ?? 50;
  const maxRequestBytes = options.maxRequestBytes ?? 90_000;
  const accepted: AcceptedRun[] = [];
  let batch: GatewayPosting[] = [];
  let batchBytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    accepted.push(...(await postBatch(gatewayUrl, batch, options.apiKey)));
    batch = [];
    batchBytes = 0;
  };
  for (const posting of postings) {
    const bytes = Buffer.byteLength(JSON.stringify(posting)) + 1;
    if (batch.length >= batchSize || (batch.length > 0 && batchBytes + bytes > maxRequestBytes)) await send();
    batch.push(posting);
    batchBytes += bytes;
  }
  await send();
  return accepted;
}

async function postBatch(gatewayUrl: string, postings: GatewayPosting[], apiKey: string | undefined): Promise<AcceptedRun[]> {
  const response = await fetch(`${gatewayUrl}/v1/postings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify({ postings }),
  });
  const text = await response.text();
  if (response.status !== 202) {
    throw new Error(`POST /v1/postings answered ${response.status}: ${text.slice(0, 1_000)}`);
  }
  const { runs } = JSON.parse(text) as { runs: AcceptedRun[] };
  if (runs.length !== postings.length) throw new Error(`POST /v1/postings accepted ${runs.length} of ${postings.length} postings`);
  return runs;
}
