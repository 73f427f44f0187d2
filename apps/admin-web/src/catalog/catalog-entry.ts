import { formatDateTime } from '../format/format.js';

/**
 * A catalog answer (skill, role or dimension) as rows to display. The detail endpoints carry different
 * fields per kind, so the page lays out whatever arrives: scalars as text, lists of names as chips, lists
 * of records (history, KRAs with extra fields) as tables.
 */
export type EntryField =
  | { label: string; kind: 'text'; value: string }
  | { label: string; kind: 'chips'; chips: EntryChip[] }
  | { label: string; kind: 'records'; columns: string[]; rows: string[][] };

export interface EntryChip {
  text: string;
  /** The slug of a linked catalog entry, when the chip stands for one. */
  slug: string | null;
  /** A short qualifier such as an alias type. */
  note: string | null;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Keys the page shows in the heading or not at all. */
const HEADING_KEYS = new Set(['slug', 'name', 'displayName', 'catalogVersion']);
const CHIP_TEXT_KEYS = ['text', 'displayName', 'name', 'value', 'slug'] as const;
const CHIP_NOTE_KEYS = ['type', 'kind', 'requirement'] as const;

export function entryFields(entry: Record<string, unknown>): EntryField[] {
  return Object.entries(entry)
    .filter(([key]) => !HEADING_KEYS.has(key))
    .map(([key, value]) => field(labelFor(key), value));
}

/** Words the generic rule would spell wrong. */
const LABELS: Record<string, string> = { kras: 'KRAs', kra: 'KRA', externalId: 'External id', llmCalls: 'LLM calls' };

/** camelCase or snake_case key → "Sentence case" label. */
export function labelFor(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function field(label: string, value: unknown): EntryField {
  if (Array.isArray(value)) return listField(label, value);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return {
      label,
      kind: 'chips',
      chips: entries.map(([key, inner]) => ({ text: `${labelFor(key)}: ${scalarText(inner)}`, slug: null, note: null })),
    };
  }
  return { label, kind: 'text', value: scalarText(value) };
}

function listField(label: string, items: unknown[]): EntryField {
  if (items.every((item) => typeof item !== 'object' || item === null)) {
    return { label, kind: 'chips', chips: items.map((item) => ({ text: scalarText(item), slug: null, note: null })) };
  }
  const records = items.filter(
    (item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item),
  );
  const chips = records.map(chipOf);
  if (chips.every((chip): chip is EntryChip => chip !== null)) return { label, kind: 'chips', chips };
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return {
    label,
    kind: 'records',
    columns: columns.map(labelFor),
    rows: records.map((record) => columns.map((column) => scalarText(record[column]))),
  };
}

/** A record reads as a chip when it is a name plus at most a slug and a qualifier. */
function chipOf(record: Record<string, unknown>): EntryChip | null {
  const textKey = CHIP_TEXT_KEYS.find((key) => typeof record[key] === 'string');
  if (!textKey) return null;
  const noteKey = CHIP_NOTE_KEYS.find((key) => typeof record[key] === 'string');
  // How an alias is matched and where it came from are details the chip can leave out.
  const allowed = new Set<string>([textKey, 'slug', ...(noteKey ? [noteKey] : []), 'match', 'context', 'source']);
  if (Object.keys(record).some((key) => !allowed.has(key))) return null;
  return {
    text: record[textKey] as string,
    slug: typeof record.slug === 'string' ? record.slug : null,
    note: noteKey ? (record[noteKey] as string) : null,
  };
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && ISO_TIMESTAMP.test(value)) return formatDateTime(value);
  // A list of typed records (an action's effects) reads best as its types.
  if (Array.isArray(value))
    return (
      value.map((item) => (item && typeof item === 'object' && 'type' in item ? String(item.type) : scalarText(item))).join(', ') || '—'
    );
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
