import { spawn } from 'node:child_process';

import { PipelineError } from '@jdpipe/contracts';
import type { EmbeddedConfig } from '@jdpipe/config';
import type { LlmConfig } from '@jdpipe/llm';
import { startTelemetry } from '@jdpipe/telemetry';

import { DEFAULT_SERVE_HOST, DEFAULT_SERVE_PORT, startAdminServer } from './admin-server';

export interface ServeOptions {
  port?: string;
  host?: string;
  open: boolean;
}

/**
 * `jdpipe serve`: starts the server, prints the one-time admin login link (and opens it unless --no-open),
 * then runs until SIGINT or SIGTERM.
 */
export async function serve(config: EmbeddedConfig, llm: LlmConfig, options: ServeOptions, print: (text: string) => void): Promise<number> {
  const port = options.port === undefined ? DEFAULT_SERVE_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new PipelineError('INPUT.INVALID', `--port must be 0-65535, got "${options.port}"`);
  // The services start telemetry in their main.ts; the other CLI commands are short and do without. Without a
  // tracer provider spans carry no ids, and runs would be stored without a trace id.
  const telemetry = startTelemetry({ serviceName: 'jdpipe' });
  try {
    const server = await startAdminServer({ port, host: options.host ?? DEFAULT_SERVE_HOST, config, llm });
    print(
      `jdpipe serve: the API at ${server.url}/v1 (docs at ${server.url}/docs), data in ${config.dataDir ?? 'memory'}\n` +
        `Open the web admin with this link (it works once, within 15 minutes), or sign in at ${server.url}/admin/login ` +
        `with a reviewer or admin key:\n\n    ${server.loginUrl}\n\nCtrl-C stops the server.\n`,
    );
    if (options.open) openInBrowser(server.loginUrl);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    print(`${signal}: stopping\n`);
    await server.close();
    return 0;
  } finally {
    await telemetry.shutdown();
  }
}

/** Best effort: a machine without a desktop simply keeps the printed link. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine.
  }
}
