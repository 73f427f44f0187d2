import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The compatibility contract: the key paths (and JSON types) of the old system's answers, as its saved run page
 * shows them, and the check that an answer of ours keeps every one of them.
 */

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** The raw JSON blocks of the old run page: the posting parser's output and the three endpoints' answers. */
export interface LegacyBlocks {
  nanoParser: unknown;
  extractFromJd: unknown;
  extractDetails: unknown;
  finalRoleOutput: unknown;
}

const BLOCK_HEADINGS: Record<keyof LegacyBlocks, string> = {
  nanoParser: 'nano JD Parser',
  extractFromJd: 'API 1 — extract-from-jd',
  extractDetails: 'API 2 — extract-details',
  finalRoleOutput: 'API 3 — final-role-output',
};

/** The old run page kept in the shared folder; null when the folder or the page is missing. */
export function readSeedRunPage(sharedRoot: string | null): string | null {
  const page = sharedRoot && join(sharedRoot, 'seed', 'run-page-70c346cf.txt');
  return page && existsSync(page) ? readFileSync(page, 'utf8') : null;
}

/** Finds each block by the heading the page shows above it and parses the JSON object that follows. */
export function legacyBlocksOf(page: string): LegacyBlocks {
  const blockAfter = (heading: string): unknown => {
    const at = page.indexOf(heading);
    if (at < 0) throw new Error(`the run page has no "${heading}" block`);
    const start = page.indexOf('{', at);
    return JSON.parse(page.slice(start, endOfObject(page, start)));
  };
  return {
    nanoParser: blockAfter(BLOCK_HEADINGS.nanoParser),
    extractFromJd: blockAfter(BLOCK_HEADINGS.extractFromJd),
    extractDetails: blockAfter(BLOCK_HEADINGS.extractDetails),
    finalRoleOutput: blockAfter(BLOCK_HEADINGS.finalRoleOutput),
  };
}

/** Index just past the object opening at `start`: braces are counted outside strings only. */
function endOfObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i + 1;
  }
  throw new Error(`unterminated JSON object at ${start}`);
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string' || type === 'object') return type;
  throw new Error(`${type} is not a JSON value`);
}

/**
 * Every key path of a JSON value with the types seen there: `a.b` for object keys, `a[]` for the elements of an
 * array (all elements share one path). The root is ''.
 */
export function keyPathTypes(value: unknown): Map<string, Set<JsonType>> {
  const paths = new Map<string, Set<JsonType>>();
  walk(value, '', (path, node) => {
    const types = paths.get(path) ?? new Set<JsonType>();
    types.add(jsonTypeOf(node));
    paths.set(path, types);
  });
  return paths;
}

function walk(value: unknown, path: string, visit: (path: string, value: unknown) => void): void {
  visit(path, value);
  if (Array.isArray(value)) {
    for (const element of value) walk(element, `${path}[]`, visit);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`, visit);
  }
}

export interface ContractReport {
  /** Keys an object of ours lacks where the old answer had them. */
  missing: string[];
  /** Values of ours whose type differs from every type the old answer had there. */
  mismatched: string[];
  /** Nulls of ours where the old answer never had null. */
  unexpectedNulls: string[];
  /** Old paths our answer never reached (under an empty array or a null object): this answer cannot vouch for them. */
  unreached: string[];
}

/**
 * Checks an answer of ours against an old one: every object of ours at a path has every key the old objects at
 * that path had, with a compatible type. Where the old value was only ever null, any type is compatible.
 */
export function checkAgainstLegacy(legacy: unknown, ours: unknown): ContractReport {
  const legacyTypes = keyPathTypes(legacy);
  const legacyKeys = new Map<string, Set<string>>();
  walk(legacy, '', (path, node) => {
    if (jsonTypeOf(node) !== 'object') return;
    const keys = legacyKeys.get(path) ?? new Set<string>();
    for (const key of Object.keys(node as object)) keys.add(key);
    legacyKeys.set(path, keys);
  });

  const report: ContractReport = { missing: [], mismatched: [], unexpectedNulls: [], unreached: [] };
  const reached = new Set<string>();
  const note = (list: string[], entry: string): void => {
    if (!list.includes(entry)) list.push(entry);
  };
  walk(ours, '', (path, node) => {
    const expected = legacyTypes.get(path);
    if (!expected) return;
    reached.add(path);
    const type = jsonTypeOf(node);
    const nonNull = [...expected].filter((candidate) => candidate !== 'null');
    if (type === 'null') {
      if (!expected.has('null')) note(report.unexpectedNulls, path);
    } else if (nonNull.length > 0 && !expected.has(type)) {
      note(report.mismatched, `${path}: ${type}, was ${nonNull.join('|')}`);
    }
    if (type === 'object') {
      const present = new Set(Object.keys(node as object));
      for (const key of legacyKeys.get(path) ?? []) {
        if (!present.has(key)) note(report.missing, path === '' ? key : `${path}.${key}`);
      }
    }
  });
  for (const path of legacyTypes.keys()) {
    const parentMissing = report.missing.some(
      (missing) => path === missing || path.startsWith(`${missing}.`) || path.startsWith(`${missing}[]`),
    );
    if (!reached.has(path) && !parentMissing) report.unreached.push(path);
  }
  return report;
}
