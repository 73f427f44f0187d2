import { logLevel, type logCreator, type LogEntry } from 'kafkajs';

/** Where JSON log lines go: stderr in services, a list in specs. */
export type LogLineSink = (line: string) => void;

export const stderrSink: LogLineSink = (line) => {
  process.stderr.write(`${line}\n`);
};

const LEVEL_NAMES: Partial<Record<logLevel, 'error' | 'warn' | 'info' | 'debug'>> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** One JSON line per entry, the shape every jdpipe service logs in; `extra` never overrides the core fields. */
export function jsonLogLine(
  level: 'error' | 'warn' | 'info' | 'debug',
  namespace: string,
  message: string,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({ ...extra, time: new Date().toISOString(), level, logger: 'kafka', namespace, message });
}

/**
 * kafkajs logs through this adapter: warnings and errors only (its info level narrates every rebalance and
 * connection), as JSON lines with the entry's own fields (broker, groupId, error, ...).
 */
export function kafkaLogCreator(sink: LogLineSink = stderrSink): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      if (level === logLevel.NOTHING || level > logLevel.WARN) return;
      // kafkajs' own timestamp and logger name give way to ours.
      const extra: Record<string, unknown> = { ...log };
      for (const replaced of ['message', 'timestamp', 'logger']) delete extra[replaced];
      sink(jsonLogLine(LEVEL_NAMES[level] ?? 'warn', namespace || 'kafkajs', log.message, extra));
    };
}
