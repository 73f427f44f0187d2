/**
 * The identity of an alias for collision checks: case, spaces, hyphens, dots, underscores and slashes do not
 * tell two aliases apart ("Node.js" = "NodeJS" = "node js"), but + and # do (C, C++, C#), and so does a leading
 * dot (.NET is not NET).
 */
export function aliasKey(text: string): string {
  const trimmed = text.trim().toLowerCase();
  const leadingDot = trimmed.startsWith('.') ? '.' : '';
  return leadingDot + trimmed.replace(/[\s\-._/]+/g, '');
}
