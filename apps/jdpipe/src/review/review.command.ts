import { PROPOSAL_KINDS } from '@jdpipe/contracts';
import { proposedEnrichment, REVIEW_ITEM_STATUSES, ReviewError, type ReviewActionOutcome, type ReviewService } from '@jdpipe/review';

import { renderTable } from './text-table';

export interface ReviewCommandOptions {
  by?: string;
  kind?: string;
  status?: string;
  limit?: string;
  as?: string;
  category?: string;
  nature?: string;
  into?: string;
  json?: boolean;
}

const DEFAULT_LIMIT = 50;

export const REVIEW_USAGE = `Usage:
  jdpipe review list [--kind skill|alias|kra|role] [--status pending|approved|rejected|merged] [--limit N]
  jdpipe review show ID
  jdpipe review approve ID [--as "Name"] [--category C] [--nature N] [--by NAME]
  jdpipe review reject ID [--by NAME]
  jdpipe review merge ID --into SKILL_SLUG|ITEM_ID [--by NAME]
  jdpipe review undo ACTION_ID [--by NAME]
`;

/**
 * `jdpipe review …`: the reviewer's side of the review loop. Writes tables to `out`; refusals (unknown
 * item, already decided, bad option) are one line on `err` and exit code 1; bad usage is exit code 2.
 */
export async function runReviewCommand(
  service: ReviewService,
  args: readonly string[],
  options: ReviewCommandOptions,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const [subcommand, rawId] = args;
  const by = options.by ?? process.env.USER ?? process.env.USERNAME ?? '';
  try {
    switch (subcommand) {
      case 'list': {
        const kind = optionOf(options.kind, PROPOSAL_KINDS, '--kind');
        const status = options.status === 'all' ? undefined : (optionOf(options.status, REVIEW_ITEM_STATUSES, '--status') ?? 'pending');
        const limit = options.limit === undefined ? DEFAULT_LIMIT : positiveInteger(options.limit, '--limit');
        const items = await service.list({ kind, status, limit });
        if (options.json) return print(out, JSON.stringify(items, null, 2) + '\n');
        if (items.length === 0) return print(out, `no ${status ?? ''} ${kind ?? ''} review items`.replace(/\s+/g, ' ') + '\n');
        return print(
          out,
          renderTable(
            ['ID', 'KIND', 'VALUE', 'TARGET', 'SEEN', 'STATUS', 'LAST SEEN', 'SUGGESTED'],
            items.map((item) => [
              String(item.id),
              item.kind,
              item.value,
              item.target ?? '',
              `${item.occurrences}×`,
              item.status,
              item.lastSeenAt.slice(0, 10),
              item.status === 'pending' ? item.suggestionText : '',
            ]),
          ),
        );
      }
      case 'show': {
        const details = await service.show(positiveInteger(rawId, 'ID'));
        if (options.json) return print(out, JSON.stringify(details, null, 2) + '\n');
        const { item } = details;
        const facts: Array<[string, string]> = [
          ['item', `#${item.id} ${item.kind} "${item.value}"`],
          ['target', item.target ?? '-'],
          ['status', item.decidedBy ? `${item.status} by ${item.decidedBy} at ${item.decidedAt}` : item.status],
          ['seen', `${item.occurrences} runs, first ${item.createdAt}, last ${details.runs[0]?.createdAt ?? item.lastSeenAt}`],
          ['suggested', item.status === 'pending' ? details.suggestionText : '-'],
        ];
        const enrichment = proposedEnrichment(item);
        if (enrichment) {
          facts.push([
            'model says',
            `${enrichment.category}, ${enrichment.nature}, volatility ${enrichment.volatility}, ${enrichment.lifespan}, ` +
              `${enrichment.versionStrategy} (confidence ${enrichment.confidence.toFixed(2)}); approve uses these unless --category/--nature`,
          ]);
        }
        const width = Math.max(...facts.map(([label]) => label.length));
        let text = facts.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n') + '\n\n';
        text += details.runs.length
          ? `Runs that proposed it (latest first):\n${renderTable(
              ['RUN', 'WHEN', 'TITLE', 'ROLE', 'EVIDENCE'],
              details.runs.map((run) => [
                run.runId,
                run.createdAt.slice(0, 19).replace('T', ' '),
                run.title ?? '',
                run.roleSlug ?? '',
                run.evidence ?? '',
              ]),
              80,
            )}`
          : 'No stored run evidence.\n';
        if (details.actions.length > 0) {
          text += `\nHistory:\n${renderTable(
            ['ACTION', 'WHAT', 'BY', 'WHEN', 'CATALOG', 'UNDONE'],
            details.actions.map((action) => [
              String(action.id),
              action.action + (typeof action.detail.into === 'string' ? ` into ${action.detail.into}` : ''),
              action.actor,
              action.createdAt.slice(0, 19).replace('T', ' '),
              action.catalogVersion === null ? '-' : `v${action.catalogVersion}`,
              action.undoneAt ? `by ${action.undoneBy} at ${action.undoneAt.slice(0, 19).replace('T', ' ')}` : '',
            ]),
          )}`;
        }
        return print(out, text);
      }
      case 'approve': {
        const outcome = await service.approve(positiveInteger(rawId, 'ID'), {
          by,
          as: options.as,
          category: options.category,
          nature: options.nature,
        });
        return print(out, describeOutcome('approved', outcome));
      }
      case 'reject':
        return print(out, describeOutcome('rejected', await service.reject(positiveInteger(rawId, 'ID'), by)));
      case 'merge': {
        if (!options.into) throw new ReviewError('invalid', 'merge needs --into SKILL_SLUG or --into ITEM_ID');
        const outcome = await service.merge(positiveInteger(rawId, 'ID'), options.into, by);
        return print(out, describeOutcome(`merged into ${options.into}`, outcome));
      }
      case 'undo': {
        const outcome = await service.undo(positiveInteger(rawId, 'ACTION_ID'), by);
        const version = outcome.catalogVersion === null ? 'catalog unchanged' : `catalog version ${outcome.catalogVersion}`;
        return print(
          out,
          `undid action ${outcome.action.id} (${outcome.action.action} of item #${outcome.action.queueId}) by ${by}; item is pending again; ${version}\n`,
        );
      }
      default:
        err(`unknown review command: ${args.join(' ')}\n\n${REVIEW_USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ReviewError) {
      err(`jdpipe review: ${error.message}\n`);
      return error.reason === 'invalid' ? 2 : 1;
    }
    throw error;
  }
}

function describeOutcome(verb: string, outcome: ReviewActionOutcome): string {
  const version = outcome.catalogVersion === null ? 'catalog unchanged' : `catalog version ${outcome.catalogVersion}`;
  return `#${outcome.item.id} ${outcome.item.kind} "${outcome.item.value}" ${verb} by ${outcome.action.actor} (action ${outcome.action.id}, ${version}; undo with \`jdpipe review undo ${outcome.action.id}\`)\n`;
}

function print(out: (text: string) => void, text: string): number {
  out(text);
  return 0;
}

function positiveInteger(value: string | undefined, name: string): number {
  const parsed = Number((value ?? '').replace(/^#/, ''));
  if (!value || !Number.isInteger(parsed) || parsed <= 0)
    throw new ReviewError('invalid', `${name} must be a positive whole number, got "${value ?? ''}"`);
  return parsed;
}

function optionOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new ReviewError('invalid', `${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}
