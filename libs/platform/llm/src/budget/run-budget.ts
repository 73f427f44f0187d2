import { type RunBudget } from '../config/llm.config';
import { LlmError } from '../errors/llm-error';
import { roundUsd } from '../prices/cost';

/** What a run has consumed so far. */
export interface RunSpend {
  tokens: number;
  costUsd: number;
}

/** Keeps each run's spend. In memory per process here; a stage may rebuild it from the run's calls. */
export interface LlmBudgetLedger {
  spentBy(runId: string): RunSpend;
  charge(runId: string, spend: RunSpend): void;
  forget(runId: string): void;
}

/** Spend per run, bounded so that a long-lived process does not keep every run it ever saw. */
export class InMemoryBudgetLedger implements LlmBudgetLedger {
  private readonly spendByRun = new Map<string, RunSpend>();

  constructor(private readonly maxRuns = 10_000) {}

  spentBy(runId: string): RunSpend {
    return this.spendByRun.get(runId) ?? { tokens: 0, costUsd: 0 };
  }

  charge(runId: string, spend: RunSpend): void {
    const before = this.spentBy(runId);
    this.spendByRun.delete(runId);
    this.spendByRun.set(runId, { tokens: before.tokens + spend.tokens, costUsd: roundUsd(before.costUsd + spend.costUsd) });
    while (this.spendByRun.size > this.maxRuns) {
      const oldest = this.spendByRun.keys().next().value;
      if (oldest === undefined) break;
      this.spendByRun.delete(oldest);
    }
  }

  forget(runId: string): void {
    this.spendByRun.delete(runId);
  }
}

/**
 * Refuses a call whose worst case (estimated input plus the full output allowance) would take the run
 * past its budget. The cost part is skipped when the model's price is unknown (`estimate.costUsd` null):
 * the token limit still holds.
 */
export function assertWithinBudget(
  runId: string,
  spent: RunSpend,
  estimate: { tokens: number; costUsd: number | null },
  budget: RunBudget,
): void {
  if (spent.tokens + estimate.tokens > budget.maxTokens) {
    throw new LlmError(
      'LLM.BUDGET_EXCEEDED',
      `Run ${runId} has used ${spent.tokens} of its ${budget.maxTokens} LLM tokens; this call could need up to ` +
        `${estimate.tokens} more, so it was not made (JDPIPE_LLM_RUN_BUDGET_TOKENS).`,
    );
  }
  if (estimate.costUsd !== null && spent.costUsd + estimate.costUsd > budget.maxCostUsd) {
    throw new LlmError(
      'LLM.BUDGET_EXCEEDED',
      `Run ${runId} has spent $${spent.costUsd.toFixed(6)} of its $${budget.maxCostUsd} LLM budget; this call could ` +
        `cost up to $${estimate.costUsd.toFixed(6)} more, so it was not made (JDPIPE_LLM_RUN_BUDGET_USD).`,
    );
  }
}
