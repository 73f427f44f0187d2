import type { RunDocument, RunSkill } from '@jdpipe/contracts';

/** Terminal styling; plain when the output is not a terminal or NO_COLOR is set. */
export interface Styling {
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  warn(text: string): string;
  bad(text: string): string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
export const COLOUR: Styling = { bold: ansi(1), dim: ansi(2), good: ansi(32), warn: ansi(33), bad: ansi(31) };
export const PLAIN: Styling = { bold: (t) => t, dim: (t) => t, good: (t) => t, warn: (t) => t, bad: (t) => t };

export function stylingFor(stream: NodeJS.WriteStream): Styling {
  return stream.isTTY && !process.env.NO_COLOR ? COLOUR : PLAIN;
}

const WIDTH = 100;

/** The run report: what was parsed, which role and why, which skills with their evidence, what was queued. */
export function renderRunReport(run: RunDocument, style: Styling = PLAIN): string {
  const lines: string[] = [];
  const statusColour = run.status === 'completed' ? style.good : run.status === 'rejected' ? style.warn : style.bad;
  const total = Object.values(run.timings).reduce((sum, ms) => sum + ms, 0);
  lines.push(
    style.bold(`Run ${run.runId}`) + `  ${statusColour(run.status)}  catalog v${run.catalogVersion}  ${run.mode}  ${formatMs(total)}`,
  );
  lines.push(style.dim(`posting ${run.postingId}${run.posting.title ? `  "${run.posting.title}"` : ''}`));
  if (run.rejection) {
    lines.push('', statusColour(`${run.rejection.code}`) + `  ${run.rejection.reason}`);
  }
  if (run.parsed) lines.push('', ...parsedBlock(run, style));
  if (run.role) lines.push('', ...roleBlock(run, style));
  if (run.skills.length > 0) lines.push('', ...skillsBlock(run, style));
  if (run.proposals.length > 0) {
    lines.push('', style.bold(`Proposals queued for review (${run.proposals.length})`));
    for (const proposal of run.proposals) {
      lines.push(
        `  ${proposal.kind.padEnd(6)} ${proposal.value}${proposal.target ? style.dim(`  → ${proposal.target}`) : ''}  ${style.dim(proposal.status)}`,
      );
    }
  }
  const timings = Object.entries(run.timings).map(([stage, ms]) => `${stage} ${formatMs(ms)}`);
  if (timings.length > 0) lines.push('', style.dim(`Timings  ${timings.join(' · ')}`));
  return lines.join('\n') + '\n';
}

function parsedBlock(run: RunDocument, style: Styling): string[] {
  const parsed = run.parsed!;
  const field = (label: string, value: string | null) => `  ${style.dim(label.padEnd(12))} ${value ?? style.dim('—')}`;
  const ctc = parsed.ctc
    ? `${parsed.ctc.currency} ${formatBound(parsed.ctc.min)} – ${formatBound(parsed.ctc.max)} per ${periodWord(parsed.ctc.period)}  ${style.dim(`"${parsed.ctc.raw}"`)}`
    : null;
  const experience = parsed.experience
    ? `${parsed.experience.min ?? '?'}${parsed.experience.max === null ? '+' : `–${parsed.experience.max}`} years  ${style.dim(`"${parsed.experience.raw}"`)}`
    : null;
  const education = parsed.education.map((e) => `${e.level}${e.field ? ` in ${e.field}` : ''} (${e.requirement})`).join('; ') || null;
  const sections = parsed.sections.map((s) => s.kind + (s.heading ? ` "${s.heading}"` : '')).join(' · ');
  return [
    style.bold('Parsed'),
    field(
      'Title',
      parsed.title ? `${parsed.title}${parsed.roleAliases.length ? style.dim(`  also: ${parsed.roleAliases.join(', ')}`) : ''}` : null,
    ),
    field('Seniority', parsed.seniority),
    field('CTC', ctc),
    field('Experience', experience),
    field('Education', education),
    field('Certificates', parsed.certifications.map((c) => `${c.name} (${c.requirement})`).join('; ') || null),
    field('Location', [parsed.location, parsed.workMode, parsed.employmentType].filter(Boolean).join(' · ') || null),
    field('Sections', sections || null),
  ];
}

function roleBlock(run: RunDocument, style: Styling): string[] {
  const role = run.role!;
  const confidence = role.confidence >= 0.7 ? style.good : role.confidence >= 0.45 ? style.warn : style.bad;
  const lines = [
    style.bold('Role'),
    `  ${style.bold(role.displayName)} ${style.dim(`[${role.slug}]`)}  case ${style.bold(role.case)}  confidence ${confidence(role.confidence.toFixed(2))}${role.isNew ? style.warn('  NEW (queued for review)') : ''}`,
    ...wrap(role.reasoning, WIDTH - 4).map((line) => `    ${line}`),
  ];
  if (run.runnersUp.length > 0) {
    lines.push(`  ${style.dim('Runners-up')}  ${run.runnersUp.map((r) => `${r.displayName} ${r.score.toFixed(2)}`).join(' · ')}`);
  }
  const chosen = run.signals?.candidates.find((c) => c.slug === role.slug);
  for (const match of chosen?.kraMatches.slice(0, 3) ?? []) {
    lines.push(
      `  ${style.dim(match.similarity.toFixed(2))}  "${truncate(match.sentence, 60)}" ${style.dim('~')} "${truncate(match.kraText, 60)}"`,
    );
  }
  return lines;
}

function skillsBlock(run: RunDocument, style: Styling): string[] {
  const known = run.skills.filter((s) => s.status === 'in_catalog');
  const proposed = run.skills.filter((s) => s.status === 'proposed');
  const lines = [style.bold(`Skills (${known.length} from the catalog${proposed.length ? `, ${proposed.length} proposed` : ''})`)];
  for (const skill of [...known, ...proposed]) lines.push(...skillLines(skill, style));
  return lines;
}

function skillLines(skill: RunSkill, style: Styling): string[] {
  const marker = skill.status === 'proposed' ? style.warn('?') : skill.primary ? style.good('●') : '○';
  const tags = [skill.nature ?? 'proposed', skill.requirement, skill.primary ? 'primary' : null].filter(Boolean).join(' · ');
  const dimensions = skill.dimensions
    .map((d) => (d.underChosenRole ? style.good(d.displayName) : style.dim(`${d.displayName} (outside role)`)))
    .join(', ');
  const first = skill.evidence[0];
  const more = skill.evidence.length > 1 ? style.dim(` +${skill.evidence.length - 1} more`) : '';
  return [
    `  ${marker} ${skill.name.padEnd(28)} ${style.dim(tags)}${dimensions ? `  ${dimensions}` : ''}`,
    first ? style.dim(`      "${truncate(first.text, 50)}" ${first.section ?? 'text'} @${first.start}`) + more : '',
  ].filter(Boolean);
}

function formatBound(value: number | null): string {
  return value === null ? '?' : value.toLocaleString('en-US');
}

function periodWord(period: string): string {
  return { annual: 'year', monthly: 'month', weekly: 'week', daily: 'day', hourly: 'hour' }[period] ?? period;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
