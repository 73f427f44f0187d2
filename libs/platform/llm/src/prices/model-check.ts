import { OPENAI_PRICES, type PriceTable, priceOf, shutdownOf } from './openai-prices';

/** The one endpoint the start-up check needs: the SDK client satisfies it. */
export interface ModelCatalogClient {
  models: { retrieve(model: string): PromiseLike<unknown> };
}

export interface ModelCheck {
  model: string;
  /** The price table knows the model, so its calls get a cost. */
  priced: boolean;
  /** YYYY-MM-DD, from the provider when it reports one, else from the price table. */
  shutdownDate: string | null;
  /** Human-readable, for the start-up log; empty when all is well. */
  warnings: string[];
}

/**
 * Start-up check of a configured model: warns when the price table does not know it, when it is listed
 * as shut down or scheduled to be, when the models endpoint reports a `shutdown_date`, or when the
 * provider does not know the model at all. Never throws: a failed check is itself a warning, and the
 * pipeline can always fall back to its offline path.
 */
export async function checkModel(
  client: ModelCatalogClient,
  model: string,
  options: { prices?: PriceTable; today?: Date } = {},
): Promise<ModelCheck> {
  const prices = options.prices ?? OPENAI_PRICES;
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  const warnings: string[] = [];
  const priced = priceOf(model, prices) !== null;
  if (!priced) {
    warnings.push(
      `Model "${model}" is not in the price table (as of ${prices.asOf}): its calls are recorded with cost null ` +
        'and only the token budget limits them. Add it to the table or choose a listed model.',
    );
  }

  let providerShutdown: string | null = null;
  try {
    const description = await client.models.retrieve(model);
    providerShutdown = shutdownDateOf(description);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    warnings.push(
      status === 404
        ? `The provider does not list model "${model}": calls to it will fail.`
        : `Could not check model "${model}" with the provider: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const listed = shutdownOf(model, prices);
  const shutdownDate = providerShutdown ?? listed?.shutdownDate ?? null;
  if (shutdownDate) {
    const source = providerShutdown ? 'the provider reports' : `the price table (as of ${prices.asOf}) lists`;
    const replacement = listed?.replacement ? ` Suggested replacement: ${listed.replacement}.` : '';
    warnings.push(
      shutdownDate <= today
        ? `Model "${model}" was shut down on ${shutdownDate} (${source} it): calls to it will fail.${replacement}`
        : `Model "${model}" is scheduled to shut down on ${shutdownDate} (${source} it): move to another model before then.${replacement}`,
    );
  }
  return { model, priced, shutdownDate, warnings };
}

/** OpenAI reports `shutdown_date` as YYYY-MM-DD; a Unix timestamp is accepted too for compatible servers. */
function shutdownDateOf(description: unknown): string | null {
  if (typeof description !== 'object' || description === null) return null;
  const raw = (description as { shutdown_date?: unknown }).shutdown_date;
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw)) return raw.slice(0, 10);
  if (typeof raw === 'number' && Number.isFinite(raw)) return new Date(raw * 1000).toISOString().slice(0, 10);
  return null;
}
