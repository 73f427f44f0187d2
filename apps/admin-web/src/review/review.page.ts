import { adminApi } from '../api/admin-api.js';
import type { ReviewActionOutcomeView, ReviewItemView } from '../api/api-types.js';
import { badge, emptyState, REVIEW_CHANGED_EVENT } from '../dom/components.js';
import { el, replaceChildren } from '../dom/el.js';
import { formatDateTime } from '../format/format.js';
import { routeHash } from '../routes/route.js';
import { normaliseMergeTarget, suggestedMergeTarget } from './merge-target.js';
import { distinctEvidence } from './review-evidence.js';
import { moveSelection, reselect, REVIEW_SHORTCUTS, reviewCommand, type ReviewCommand } from './review-keys.js';

const EVIDENCE_SHOWN = 3;

/** The review queue: pending proposals, decided with buttons or the keyboard; the list reloads after each action. */
export async function renderReviewPage(main: HTMLElement): Promise<() => void> {
  const queue = new ReviewQueueView(main);
  await queue.load();
  const onKey = (event: KeyboardEvent) => queue.onKey(event);
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

class ReviewQueueView {
  private items: ReviewItemView[] = [];
  private index = -1;
  private busy = false;
  private lastAction: { id: number; summary: string } | null = null;
  private readonly list = el('ol', { class: 'review-list', 'aria-label': 'Pending proposals' });
  private readonly status = el('p', { class: 'review-status', role: 'status', 'aria-live': 'polite' });
  private readonly undoButton = el(
    'button',
    { type: 'button', class: 'button', disabled: true, onclick: () => void this.run('undo') },
    'Undo last (u)',
  );
  private mergeForm: HTMLFormElement | null = null;

  constructor(private readonly main: HTMLElement) {}

  async load(): Promise<void> {
    await this.refresh();
    replaceChildren(
      this.main,
      el(
        'div',
        { class: 'page-head' },
        el('h1', null, 'Review queue'),
        el('p', { class: 'muted' }, 'Proposals from runs, most frequent first. Approved skills are used by the next run.'),
      ),
      el(
        'div',
        { class: 'shortcuts', 'aria-label': 'Keyboard shortcuts' },
        REVIEW_SHORTCUTS.map((shortcut) => el('span', { class: 'shortcut' }, el('kbd', null, shortcut.key), ' ', shortcut.label)),
      ),
      el('div', { class: 'review-bar' }, this.status, this.undoButton),
      this.list,
    );
    this.render();
  }

  onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    const inTextField =
      !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
    const command = reviewCommand({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, inTextField });
    if (!command) return;
    event.preventDefault();
    void this.run(command);
  }

  private async refresh(): Promise<void> {
    const previousId = this.items[this.index]?.id ?? null;
    const { items } = await adminApi.listReview('pending');
    this.items = [...items].sort((a, b) => b.occurrences - a.occurrences || a.id - b.id);
    this.index = reselect(
      previousId,
      Math.max(0, this.index),
      this.items.map((item) => item.id),
    );
    // The header badge counts the same list: hand it the count rather than have it ask again.
    window.dispatchEvent(new CustomEvent<number>(REVIEW_CHANGED_EVENT, { detail: this.items.length }));
  }

  private async run(command: ReviewCommand): Promise<void> {
    if (command === 'next' || command === 'previous') {
      this.select(moveSelection(this.index, command === 'next' ? 1 : -1, this.items.length));
      return;
    }
    if (command === 'merge') {
      this.openMergeForm();
      return;
    }
    if (this.busy) return;
    const item = this.items[this.index];
    if (command === 'undo') {
      if (!this.lastAction) return this.say('Nothing to undo yet.');
      const undone = this.lastAction;
      await this.act(async () => {
        await adminApi.undo(undone.id);
        this.lastAction = null;
        return `Undid: ${undone.summary}`;
      });
      return;
    }
    if (!item) return this.say('Nothing selected.');
    if (command === 'approve') await this.act(() => this.record(adminApi.approve(item.id), `approved “${item.value}”`));
    if (command === 'reject') await this.act(() => this.record(adminApi.reject(item.id), `rejected “${item.value}”`));
  }

  private async record(outcome: Promise<ReviewActionOutcomeView>, summary: string): Promise<string> {
    const { action, catalogVersion } = await outcome;
    this.lastAction = { id: action.id, summary };
    return `${summary.charAt(0).toUpperCase()}${summary.slice(1)}${catalogVersion === null ? '' : ` · catalog v${catalogVersion}`}.`;
  }

  private async act(perform: () => Promise<string>): Promise<void> {
    this.busy = true;
    try {
      const message = await perform();
      await this.refresh();
      this.render();
      this.say(message);
    } catch (error) {
      this.say(error instanceof Error ? error.message : String(error), true);
    } finally {
      this.busy = false;
    }
  }

  private say(message: string, failed = false): void {
    this.status.textContent = message;
    this.status.classList.toggle('error', failed);
    this.undoButton.disabled = this.lastAction === null;
  }

  private select(index: number): void {
    this.index = index;
    this.closeMergeForm();
    for (const [position, row] of [...this.list.children].entries()) {
      row.classList.toggle('selected', position === index);
      row.setAttribute('aria-selected', String(position === index));
    }
    (this.list.children[index] as HTMLElement | undefined)?.scrollIntoView({ block: 'nearest' });
  }

  private render(): void {
    this.mergeForm = null;
    if (this.items.length === 0) {
      replaceChildren(this.list, el('li', { class: 'review-empty' }, emptyState('The queue is empty: every proposal has been decided.')));
      this.undoButton.disabled = this.lastAction === null;
      return;
    }
    replaceChildren(
      this.list,
      this.items.map((item, position) =>
        el(
          'li',
          {
            class: position === this.index ? 'review-item selected' : 'review-item',
            'aria-selected': String(position === this.index),
            'data-item-id': item.id,
            onclick: (event: Event) => {
              if (!(event.target as HTMLElement).closest('button, a, input, form')) this.select(position);
            },
          },
          itemSummary(item),
          el(
            'div',
            { class: 'review-actions' },
            el('button', { type: 'button', class: 'button primary', onclick: () => this.clickAction(position, 'approve') }, 'Approve'),
            el('button', { type: 'button', class: 'button', onclick: () => this.clickAction(position, 'reject') }, 'Reject'),
            el('button', { type: 'button', class: 'button', onclick: () => this.clickAction(position, 'merge') }, 'Merge…'),
          ),
        ),
      ),
    );
    this.undoButton.disabled = this.lastAction === null;
  }

  private clickAction(position: number, command: ReviewCommand): void {
    this.select(position);
    void this.run(command);
  }

  private openMergeForm(): void {
    const item = this.items[this.index];
    const row = this.list.children[this.index];
    if (!item || !row) return;
    this.closeMergeForm();
    const input = el('input', {
      type: 'text',
      name: 'into',
      id: 'merge-into',
      value: suggestedMergeTarget(item.suggestion),
      placeholder: 'skill slug or #item',
      autocomplete: 'off',
    });
    const form = el(
      'form',
      { class: 'merge-form' },
      el('label', { for: 'merge-into' }, `Merge “${item.value}” into`),
      input,
      el('button', { type: 'submit', class: 'button primary' }, 'Merge'),
      el('button', { type: 'button', class: 'button', onclick: () => this.closeMergeForm() }, 'Cancel'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const into = normaliseMergeTarget(input.value);
      if (!into) return this.say('Name a skill slug or #item to merge into.', true);
      void this.act(() => this.record(adminApi.merge(item.id, into), `merged “${item.value}” into ${into}`));
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeMergeForm();
    });
    row.appendChild(form);
    this.mergeForm = form;
    input.focus();
    input.select();
  }

  private closeMergeForm(): void {
    this.mergeForm?.remove();
    this.mergeForm = null;
  }
}

function itemSummary(item: ReviewItemView): HTMLElement {
  const shown = distinctEvidence(item.evidence, EVIDENCE_SHOWN);
  return el(
    'div',
    { class: 'review-summary' },
    el(
      'div',
      { class: 'review-title' },
      badge(item.kind),
      el('strong', { class: 'review-value' }, item.value),
      item.target ? el('span', { class: 'muted' }, ` for ${item.target}`) : null,
      el('span', { class: 'occurrences', title: 'Runs that proposed it' }, `seen ${item.occurrences}×`),
    ),
    el('p', { class: 'suggestion' }, el('span', { class: 'muted' }, 'Suggested: '), item.suggestionText),
    shown.length === 0
      ? null
      : el(
          'ul',
          { class: 'review-evidence' },
          shown.map((entry) =>
            el(
              'li',
              null,
              el('q', null, entry.text),
              entry.count > 1 ? el('span', { class: 'muted' }, ` ×${entry.count}`) : null,
              ' ',
              el('a', { href: routeHash({ page: 'run', runId: entry.latestRunId }), class: 'muted' }, 'latest run'),
            ),
          ),
        ),
    el('p', { class: 'cell-sub' }, `#${item.id} · first seen ${formatDateTime(item.createdAt)} · last ${formatDateTime(item.lastSeenAt)}`),
  );
}
