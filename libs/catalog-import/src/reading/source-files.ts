import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Lists a directory once and finds files by any of their known names, ignoring case. */
export class SourceDirectory {
  private readonly names: Map<string, string>;

  constructor(readonly dir: string) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`not a directory: ${dir}`);
    this.names = new Map(readdirSync(dir).map((name) => [name.toLowerCase(), name]));
  }

  /** Full path of the first of `candidates` present, or null. */
  find(...candidates: string[]): string | null {
    for (const candidate of candidates) {
      const name = this.names.get(candidate.toLowerCase());
      if (name) return join(this.dir, name);
    }
    return null;
  }

  /** The first file name matching the pattern, for release notes whose name carries the version. */
  matching(pattern: RegExp): string | null {
    for (const name of this.names.values()) if (pattern.test(name)) return name;
    return null;
  }
}

/** Splits a list cell (ESCO lists are newline-separated) into trimmed, non-empty items. */
export function listCell(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
