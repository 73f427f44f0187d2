/**
 * Reads a whole-number setting from the environment: the fallback when unset, else the value when it lies in
 * [min, max]. A bad value is added to `problems` (so start-up can name every bad variable at once) and the
 * fallback is returned.
 */
export function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}
