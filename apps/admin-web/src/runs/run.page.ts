import { adminApi } from '../api/admin-api.js';
import type { CandidateSignalView, ParsedView, RunSkillView, RunView } from '../api/api-types.js';
import { catalogEntryFacts } from '../catalog/catalog-entry.view.js';
import { badge, emptyState, facts, meter, panel, statusBadge, table } from '../dom/components.js';
import { el, replaceChildren, type Child } from '../dom/el.js';
import {
  EMPTY_VALUE,
  formatCount,
  formatDateTime,
  formatDuration,
  formatPay,
  formatPercent,
  formatScore,
  formatUsd,
  formatYears,
  humanize,
} from '../format/format.js';
import { segmentEvidence } from '../highlight/evidence-highlight.js';
import { routeHash } from '../routes/route.js';
import { bestKraMatches, llmTotals, persistenceRows, timingRows } from './run-insights.js';

const SECTIONS: ReadonlyArray<[string, string]> = [
  ['decision', 'Decision'],
  ['parsed', 'Parsed fields'],
  ['posting', 'Posting & evidence'],
  ['skills', 'Skills'],
  ['signals', 'Signals'],
  ['persistence', 'Persistence'],
  ['proposals', 'Proposals'],
  ['llm', 'LLM calls'],
  ['timings', 'Timings'],
];

/** Everything one run produced, in the order a reviewer reads it: verdict first, evidence after. */
export async function renderRunPage(main: HTMLElement, runId: string): Promise<undefined> {
  const run = await adminApi.getRun(runId);
  const evidence = new EvidenceView(run);
  replaceChildren(
    main,
    runHeader(run),
    el(
      'nav',
      { class: 'toc', 'aria-label': 'On this page' },
      SECTIONS.map(([id, label]) =>
        el('a', { href: `#/runs/${encodeURIComponent(run.runId)}`, 'data-target': id, onclick: jumpTo(id) }, label),
      ),
    ),
    run.rejection ? rejectionPanel(run) : null,
    decisionPanel(run),
    parsedPanel(run.parsed, run),
    evidence.panel(),
    skillsPanel(run, evidence),
    signalsPanel(run),
    persistencePanel(run),
    proposalsPanel(run),
    llmPanel(run),
    timingsPanel(run),
  );
  return undefined;
}

/** The hash is the route, so table-of-contents links scroll instead of navigating. */
function jumpTo(id: string): (event: Event) => void {
  return (event) => {
    event.preventDefault();
    document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
}

function runHeader(run: RunView): HTMLElement {
  return el(
    'header',
    { class: 'run-head' },
    el('p', { class: 'crumbs' }, el('a', { href: '#/runs' }, 'Runs'), ' / ', el('span', { class: 'mono' }, run.runId)),
    el('h1', null, run.posting.title ?? run.parsed?.title ?? '(untitled posting)'),
    el(
      'div',
      { class: 'run-meta' },
      statusBadge(run.status),
      run.role ? badge(run.role.displayName, 'role') : null,
      metaItem('Posting', run.postingId, true),
      metaItem('Created', formatDateTime(run.createdAt)),
      metaItem('Mode', run.mode),
      metaItem('Catalog', `v${run.catalogVersion}`),
      metaItem('Trace', run.traceId ?? EMPTY_VALUE, true),
      run.posting.company ? metaItem('Company', run.posting.company) : null,
      run.posting.location ? metaItem('Location', run.posting.location) : null,
    ),
  );
}

function metaItem(label: string, value: string, mono = false): HTMLElement {
  return el(
    'span',
    { class: 'meta-item' },
    el('span', { class: 'meta-label' }, label),
    ' ',
    el('span', { class: mono ? 'mono' : '' }, value),
  );
}

function rejectionPanel(run: RunView): HTMLElement {
  const rejection = run.rejection as { code: string; reason: string };
  return panel(
    run.status === 'failed' ? 'Run failed' : 'Posting rejected',
    { className: run.status === 'failed' ? 'notice error' : 'notice' },
    facts([
      ['Code', el('code', null, rejection.code)],
      ['Reason', rejection.reason],
    ]),
  );
}

function decisionPanel(run: RunView): HTMLElement {
  const role = run.role;
  if (!role) return panel('Decision', { id: 'decision' }, emptyState('No role was decided for this run.'));
  return panel(
    'Decision',
    { id: 'decision' },
    el(
      'div',
      { class: 'decision' },
      el(
        'div',
        { class: 'decision-main' },
        el('p', { class: 'decision-role' }, role.displayName, role.isNew ? badge('new role', 'warn') : null),
        el('p', { class: 'muted mono' }, role.slug, role.domain ? ` · ${role.domain}` : ''),
        el(
          'div',
          { class: 'decision-case' },
          badge(`CASE ${role.case}`, 'case'),
          meter(role.confidence, `confidence ${formatPercent(role.confidence)}`),
          el('strong', null, formatPercent(role.confidence)),
          el('span', { class: 'muted' }, 'confidence'),
        ),
        el('p', { class: 'reasoning' }, role.reasoning),
        role.llm2Fired ? el('p', { class: 'muted' }, 'A model call broke a close tie between candidates.') : null,
      ),
      el(
        'div',
        { class: 'runners-up' },
        el('h3', null, 'Runners-up'),
        run.runnersUp.length === 0
          ? emptyState('None.')
          : el(
              'ol',
              { class: 'ranked' },
              run.runnersUp.map((runner) =>
                el(
                  'li',
                  null,
                  el('a', { href: routeHash({ page: 'catalog', kind: 'roles', slug: runner.slug, q: '' }) }, runner.displayName),
                  meter(runner.score, `score ${formatScore(runner.score)}`),
                  el('span', { class: 'num' }, formatScore(runner.score)),
                ),
              ),
            ),
      ),
    ),
  );
}

function parsedPanel(parsed: ParsedView | null, run: RunView): HTMLElement {
  if (!parsed) return panel('Parsed fields', { id: 'parsed' }, emptyState('The parser produced no fields for this run.'));
  const fromLlm = new Set(run.llmAssist?.fieldsFromLlm ?? []);
  const mark = (field: string, value: Child): Child =>
    fromLlm.has(field) ? el('span', null, value, ' ', badge('from LLM', 'llm')) : value;
  const list = (items: string[]) =>
    items.length === 0
      ? EMPTY_VALUE
      : el(
          'ul',
          { class: 'chips' },
          items.map((item) => el('li', { class: 'chip' }, item)),
        );
  return panel(
    'Parsed fields',
    { id: 'parsed' },
    facts([
      ['Title', mark('title', parsed.title ?? EMPTY_VALUE)],
      ['Seniority', mark('seniority', humanize(parsed.seniority))],
      ['Role aliases', list(parsed.roleAliases)],
      [
        'CTC',
        mark(
          'ctc',
          parsed.ctc
            ? el(
                'span',
                null,
                formatPay(parsed.ctc),
                el('span', { class: 'raw' }, `“${parsed.ctc.raw}” · ${parsed.ctc.currency}, ${parsed.ctc.period}`),
              )
            : EMPTY_VALUE,
        ),
      ],
      [
        'Experience',
        mark(
          'experience',
          parsed.experience
            ? el('span', null, formatYears(parsed.experience), el('span', { class: 'raw' }, `“${parsed.experience.raw}”`))
            : EMPTY_VALUE,
        ),
      ],
      [
        'Education',
        parsed.education.length === 0
          ? EMPTY_VALUE
          : el(
              'ul',
              { class: 'plain' },
              parsed.education.map((item) =>
                el(
                  'li',
                  null,
                  humanize(item.level),
                  item.field ? ` in ${item.field}` : '',
                  ' ',
                  badge(item.requirement),
                  el('span', { class: 'raw' }, `“${item.raw}”`),
                ),
              ),
            ),
      ],
      [
        'Certifications',
        parsed.certifications.length === 0
          ? EMPTY_VALUE
          : el(
              'ul',
              { class: 'plain' },
              parsed.certifications.map((item) => el('li', null, item.name, ' ', badge(item.requirement))),
            ),
      ],
      ['Location', mark('location', parsed.location ?? EMPTY_VALUE)],
      ['Work mode', mark('workMode', humanize(parsed.workMode))],
      ['Employment', mark('employmentType', humanize(parsed.employmentType))],
      ['Company', parsed.companyName ?? run.posting.company ?? EMPTY_VALUE],
      [
        'Sections',
        parsed.sections.length === 0
          ? EMPTY_VALUE
          : el(
              'ol',
              { class: 'plain sections-list' },
              parsed.sections.map((section) =>
                el(
                  'li',
                  null,
                  el('strong', null, section.heading ?? '(opening)'),
                  ' ',
                  badge(humanize(section.kind)),
                  el('span', { class: 'muted' }, ` ${formatCount(section.end - section.start)} chars`),
                ),
              ),
            ),
      ],
    ]),
  );
}

/**
 * The posting text with skill evidence marked, and the selected skill's profile beside it. Selecting a skill
 * (its chip, its row in the skills table, or one of its marks) re-marks the text and scrolls to its first span.
 */
class EvidenceView {
  private selected: string | null = null;
  private readonly text = el('div', {
    class: 'posting-text',
    id: 'posting-text',
    tabindex: '0',
    'aria-label': 'Posting text with skill evidence',
  });
  private readonly chips = el('div', { class: 'skill-chips', role: 'group', 'aria-label': 'Skills found in the posting' });
  private readonly detail = el('aside', { class: 'skill-detail', 'aria-live': 'polite' });
  private readonly profiles = new Map<string, Promise<Record<string, unknown>>>();

  constructor(private readonly run: RunView) {}

  panel(): HTMLElement {
    this.renderChips();
    this.renderText();
    this.renderDetail();
    return panel(
      'Posting & evidence',
      { id: 'posting', subtitle: 'Pick a skill to see where the posting says it.' },
      this.chips,
      el('div', { class: 'posting-layout' }, this.text, this.detail),
    );
  }

  select(slug: string | null): void {
    this.selected = slug === this.selected ? null : slug;
    this.renderChips();
    this.renderText();
    this.renderDetail();
    if (this.selected) {
      document.getElementById('posting')?.scrollIntoView({ block: 'start' });
      this.text.querySelector('mark.selected')?.scrollIntoView({ block: 'center' });
    }
  }

  private renderChips(): void {
    replaceChildren(
      this.chips,
      this.run.skills.map((skill) =>
        el(
          'button',
          {
            type: 'button',
            class: `skill-chip ${skill.status === 'proposed' ? 'proposed' : ''}`,
            'aria-pressed': String(skill.slug === this.selected),
            'data-skill': skill.slug,
            onclick: () => this.select(skill.slug),
          },
          skill.name,
          el('span', { class: 'chip-count' }, String(skill.evidence.length)),
        ),
      ),
    );
  }

  private renderText(): void {
    const description = this.run.posting.description;
    const segments = segmentEvidence(
      description.length,
      this.run.skills.map((skill) => ({ slug: skill.slug, spans: skill.evidence })),
      this.selected,
    );
    replaceChildren(
      this.text,
      segments.map((segment) => {
        const text = description.slice(segment.start, segment.end);
        if (segment.skills.length === 0) return text;
        const names = segment.skills.map((slug) => this.run.skills.find((skill) => skill.slug === slug)?.name ?? slug);
        return el(
          'mark',
          {
            class: segment.selected ? 'evidence selected' : 'evidence',
            'data-skills': segment.skills.join(' '),
            title: names.join(', '),
            onclick: () => this.select(segment.selected ? null : segment.skills[0]),
          },
          text,
        );
      }),
    );
  }

  private renderDetail(): void {
    const skill = this.run.skills.find((candidate) => candidate.slug === this.selected);
    if (!skill) {
      replaceChildren(
        this.detail,
        el('p', { class: 'muted' }, `${this.run.skills.length} skills found. Pick one to see its evidence and catalog profile.`),
      );
      return;
    }
    const profile = el('div', { class: 'catalog-profile' }, el('p', { class: 'muted' }, 'Loading catalog profile…'));
    replaceChildren(
      this.detail,
      el('h3', null, skill.name, ' ', skill.status === 'proposed' ? badge('proposed', 'warn') : badge('in catalog', 'ok')),
      facts([
        ['Matched via', skill.matchedVia],
        ['Category', skill.category ?? EMPTY_VALUE],
        ['Nature', skill.nature ?? EMPTY_VALUE],
        ['Requirement', `${humanize(skill.requirement)}${skill.primary ? ' · primary' : ''}`],
        ['Dimensions', dimensionChips(skill)],
      ]),
      el('h4', null, `Evidence (${skill.evidence.length})`),
      el(
        'ol',
        { class: 'evidence-list' },
        skill.evidence.map((span) =>
          el(
            'li',
            null,
            el('q', null, span.text),
            el('span', { class: 'muted' }, ` ${humanize(span.section)} · chars ${span.start}–${span.end}`),
          ),
        ),
      ),
      skill.status === 'in_catalog'
        ? el(
            'h4',
            null,
            'Catalog profile ',
            el('a', { href: routeHash({ page: 'catalog', kind: 'skills', slug: skill.slug, q: '' }) }, 'open'),
          )
        : null,
      skill.status === 'in_catalog' ? profile : el('p', { class: 'muted' }, 'Not in the catalog yet: it waits in the review queue.'),
    );
    if (skill.status === 'in_catalog') void this.fillProfile(skill.slug, profile);
  }

  private async fillProfile(slug: string, slot: HTMLElement): Promise<void> {
    let profile = this.profiles.get(slug);
    if (!profile) {
      profile = adminApi.getCatalogEntry('skills', slug);
      this.profiles.set(slug, profile);
    }
    try {
      const entry = await profile;
      // What the run does not already say about the skill; the catalog page has the rest.
      const picked = Object.fromEntries(
        ['subCategory', 'volatility', 'lifespan', 'aliases'].filter((key) => key in entry).map((key) => [key, entry[key]]),
      );
      replaceChildren(slot, catalogEntryFacts(picked));
    } catch (error) {
      replaceChildren(
        slot,
        el('p', { class: 'muted' }, `Catalog profile unavailable (${error instanceof Error ? error.message : String(error)}).`),
      );
    }
  }
}

function dimensionChips(skill: RunSkillView): Child {
  if (skill.dimensions.length === 0) return EMPTY_VALUE;
  return el(
    'ul',
    { class: 'chips' },
    skill.dimensions.map((dimension) =>
      el(
        'li',
        {
          class: dimension.underChosenRole ? 'chip' : 'chip chip-outside',
          title: dimension.underChosenRole ? 'Under the chosen role' : 'Not one of the chosen role’s dimensions',
        },
        dimension.displayName,
        dimension.underChosenRole ? null : el('span', { class: 'chip-note' }, 'outside role'),
      ),
    ),
  );
}

function skillsPanel(run: RunView, evidence: EvidenceView): HTMLElement {
  if (run.skills.length === 0) return panel('Skills', { id: 'skills' }, emptyState('No skills were found in this posting.'));
  const outside = run.skills.filter((skill) => skill.dimensions.some((dimension) => !dimension.underChosenRole)).length;
  return panel(
    'Skills',
    {
      id: 'skills',
      subtitle: `${run.skills.length} skills · ${run.skills.filter((skill) => skill.status === 'proposed').length} proposed · ${outside} with a dimension outside the chosen role`,
    },
    table(
      ['Skill', 'Status', 'Matched via', 'Category · nature', 'Requirement', 'Dimensions', 'Evidence'],
      run.skills.map((skill) => [
        el('button', { type: 'button', class: 'link-button', onclick: () => evidence.select(skill.slug) }, skill.name),
        skill.status === 'proposed' ? badge('proposed', 'warn') : badge('in catalog', 'ok'),
        skill.matchedVia,
        [skill.category ?? EMPTY_VALUE, el('span', { class: 'cell-sub' }, skill.nature ?? '')],
        [humanize(skill.requirement), skill.primary ? el('span', { class: 'cell-sub' }, 'primary') : null],
        dimensionChips(skill),
        el('span', { class: 'num' }, String(skill.evidence.length)),
      ]),
      { caption: 'Skills', className: 'skills-table' },
    ),
  );
}

function signalsPanel(run: RunView): HTMLElement {
  const signals = run.signals;
  if (!signals) return panel('Signals', { id: 'signals' }, emptyState('No role signals: the run stopped before role matching.'));
  const chosen = run.role?.slug;
  const candidates = [...signals.candidates].sort((a, b) => b.score - a.score);
  return panel(
    'Signals',
    { id: 'signals', subtitle: 'Per candidate role: title alias, responsibility (KRA) similarity, skill overlap and domain.' },
    facts([
      ['Normalised title', signals.normalisedTitle ?? EMPTY_VALUE],
      [
        'Alias hits',
        signals.aliasHits.length === 0
          ? 'none'
          : el(
              'ul',
              { class: 'plain' },
              signals.aliasHits.map((hit) =>
                el(
                  'li',
                  null,
                  el('q', null, hit.matchedTitle),
                  ' → ',
                  el('strong', null, hit.alias),
                  el('span', { class: 'muted mono' }, ` ${hit.roleSlug}`),
                ),
              ),
            ),
      ],
      [
        'Domains',
        signals.domainScores.length === 0
          ? 'none'
          : el(
              'ul',
              { class: 'plain' },
              [...signals.domainScores]
                .sort((a, b) => b.score - a.score)
                .slice(0, 4)
                .map((domain) =>
                  el(
                    'li',
                    null,
                    el('strong', null, domain.domain),
                    ` ${formatScore(domain.score)}`,
                    domain.keywords.length ? el('span', { class: 'muted' }, ` · ${domain.keywords.join(', ')}`) : null,
                  ),
                ),
            ),
      ],
      ['KRA similarity', signals.kraEmbeddingModel ? `lexical and embeddings (${signals.kraEmbeddingModel})` : 'lexical'],
    ]),
    candidates.length === 0
      ? emptyState('No candidate roles.')
      : el(
          'div',
          { class: 'candidates' },
          candidates.map((candidate) => candidateCard(candidate, candidate.slug === chosen)),
        ),
  );
}

function candidateCard(candidate: CandidateSignalView, chosen: boolean): HTMLElement {
  const component = (label: string, score: number) =>
    el(
      'div',
      { class: 'component' },
      el('span', { class: 'component-label' }, label),
      meter(score, `${label} ${formatScore(score)}`),
      el('span', { class: 'num' }, formatScore(score)),
    );
  const matches = bestKraMatches(candidate);
  return el(
    'article',
    { class: chosen ? 'candidate chosen' : 'candidate' },
    el(
      'header',
      { class: 'candidate-head' },
      el('h3', null, candidate.displayName, chosen ? badge('chosen', 'ok') : null),
      el('span', { class: 'candidate-score' }, formatScore(candidate.score)),
    ),
    el('p', { class: 'muted mono' }, `${candidate.slug} · ${candidate.domain}`),
    el(
      'div',
      { class: 'components' },
      component('Alias', candidate.aliasScore),
      component('KRA', candidate.kraScore),
      component('Skills', candidate.skillScore),
      component('Domain', candidate.domainScore),
    ),
    matches.length === 0
      ? null
      : el(
          'ol',
          { class: 'kra-matches' },
          matches.map((match) =>
            el(
              'li',
              null,
              el('q', { class: 'kra-sentence' }, match.sentence),
              el('span', { class: 'kra-text' }, '≈ ', match.kraText),
              el('span', { class: 'num' }, formatScore(match.similarity)),
              match.via === 'embedding' ? badge('embedding', 'llm') : null,
            ),
          ),
        ),
    el(
      'p',
      { class: 'overlap' },
      `Skill overlap: ${candidate.skillOverlap.matched.length} of ${candidate.skillOverlap.coreCount} core`,
      candidate.skillOverlap.matched.length ? el('span', { class: 'muted' }, ` · ${candidate.skillOverlap.matched.join(', ')}`) : null,
    ),
  );
}

function persistencePanel(run: RunView): HTMLElement {
  const rows = persistenceRows(run);
  const tick = (done: boolean) =>
    el('span', { class: done ? 'tick' : 'dash', 'aria-label': done ? 'linked' : 'not linked' }, done ? '✓' : '—');
  return panel(
    'Persistence',
    { id: 'persistence', subtitle: 'One row per skill and dimension: the links the run stored.' },
    rows.length === 0
      ? emptyState('Nothing to persist.')
      : table(
          ['Skill', 'Tag', 'Dimension', 'Skill↔dim', 'Role↔dim', 'Outcome'],
          rows.map((row) => [
            row.skillName,
            el('code', null, row.skillStatus),
            row.dimension ?? EMPTY_VALUE,
            tick(row.skillLinked),
            tick(row.roleLinked),
            row.outcome,
          ]),
          { caption: 'Persistence items' },
        ),
  );
}

function proposalsPanel(run: RunView): HTMLElement {
  return panel(
    'Proposals',
    { id: 'proposals', subtitle: 'Sent to the review queue.' },
    run.proposals.length === 0
      ? emptyState('This run proposed nothing.')
      : table(
          ['Kind', 'Value', 'For', 'Status', 'Evidence'],
          run.proposals.map((proposal) => [
            badge(proposal.kind),
            el('strong', null, proposal.value),
            proposal.target ?? EMPTY_VALUE,
            proposal.status,
            proposal.evidence ? el('q', null, proposal.evidence) : EMPTY_VALUE,
          ]),
          { caption: 'Proposals' },
        ),
    run.proposals.length === 0 ? null : el('p', null, el('a', { href: '#/review' }, 'Open the review queue →')),
  );
}

function llmPanel(run: RunView): HTMLElement {
  const totals = llmTotals(run.llmCalls);
  const assist = run.llmAssist;
  return panel(
    'LLM calls',
    { id: 'llm', subtitle: run.mode === 'offline' ? 'Offline mode: no model was asked.' : `${run.mode} mode` },
    run.llmCalls.length === 0
      ? emptyState('No model calls in this run.')
      : [
          facts([
            ['Calls', `${totals.calls}${totals.failures ? ` (${totals.failures} failed)` : ''}`],
            [
              'Tokens',
              `${formatCount(totals.inputTokens)} in (${formatCount(totals.cachedTokens)} cached) · ${formatCount(totals.outputTokens)} out`,
            ],
            ['Cost', formatUsd(totals.costUsd)],
            ['Latency', formatDuration(totals.latencyMs)],
          ]),
          table(
            ['Stage', 'Purpose', 'Model', 'Tokens in / out', 'Cost', 'Latency', 'Result'],
            run.llmCalls.map((call) => [
              call.stage,
              call.purpose,
              [call.model, el('span', { class: 'cell-sub' }, call.promptVersion)],
              `${formatCount(call.inputTokens)} / ${formatCount(call.outputTokens)}`,
              formatUsd(call.costUsd),
              formatDuration(call.latencyMs),
              call.error ? badge(call.error, 'bad') : call.cacheHit ? badge('cache hit') : badge('ok', 'ok'),
            ]),
            { caption: 'LLM calls' },
          ),
        ],
    assist
      ? facts([
          ['Fields from the model', assist.fieldsFromLlm.join(', ') || 'none'],
          ['Skills from the model', assist.skillsFromLlm.join(', ') || 'none'],
          ['Ungrounded skills dropped', String(assist.ungroundedSkillsDropped)],
          [
            'Refused answers',
            assist.rejected.length
              ? el(
                  'ul',
                  { class: 'plain' },
                  assist.rejected.map((reason) => el('li', null, reason)),
                )
              : 'none',
          ],
          ['Fallbacks', assist.fallbacks.join(', ') || 'none'],
        ])
      : null,
  );
}

function timingsPanel(run: RunView): HTMLElement {
  const { rows, totalMs } = timingRows(run.timings);
  return panel(
    'Timings',
    {
      id: 'timings',
      subtitle: `${formatDuration(totalMs)} in total${run.completedAt ? ` · completed ${formatDateTime(run.completedAt)}` : ''}`,
    },
    rows.length === 0
      ? emptyState('No timings recorded.')
      : el(
          'div',
          { class: 'timings' },
          rows.map((row) =>
            el(
              'div',
              { class: 'timing' },
              el('span', { class: 'timing-stage' }, humanize(row.stage)),
              meter(row.share, `${row.stage} ${formatDuration(row.ms)}`),
              el('span', { class: 'num' }, formatDuration(row.ms)),
            ),
          ),
        ),
  );
}
