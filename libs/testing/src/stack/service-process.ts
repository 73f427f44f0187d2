import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

import { waitFor } from '../kafka/wait-for';

/** The processes of the service deployment, in pipeline order. */
export const STACK_SERVICES = ['gateway', 'parser', 'role-matcher', 'skill-resolver', 'persister'] as const;
export type StackService = (typeof STACK_SERVICES)[number];

export interface ServiceProcessOptions {
  name: StackService;
  repoRoot: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  readyTimeoutMs: number;
}

/**
 * One service of the deployment as a child process (`node scripts/start-service.js <name>`), its output
 * appended to a log file that survives restarts. Only this process is ever signalled, by its own pid.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private exitDescription: string | undefined;

  constructor(private readonly options: ServiceProcessOptions) {}

  get name(): StackService {
    return this.options.name;
  }

  get port(): number {
    return this.options.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get logFile(): string {
    return this.options.logFile;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.exitDescription === undefined;
  }

  /** Spawns the process; `waitUntilReady` tells when it serves. */
  start(): void {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.child?.pid})`);
    const log = openSync(this.options.logFile, 'a');
    try {
      const child = spawn(process.execPath, ['scripts/start-service.js', this.name], {
        cwd: this.options.repoRoot,
        env: { ...this.options.env, HTTP_PORT: String(this.options.port), HTTP_HOST: '127.0.0.1' },
        stdio: ['ignore', log, log],
      });
      this.child = child;
      this.exitDescription = undefined;
      this.exited = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
          this.exitDescription = signal ? `killed by ${signal}` : `exited with code ${code}`;
          resolve();
        });
        child.once('error', (error) => {
          this.exitDescription = `could not start: ${error.message}`;
          resolve();
        });
      });
    } finally {
      // The child holds its own copy of the descriptor.
      closeSync(log);
    }
  }

  /** Resolves once GET /ready answers 200; fails early, with the log tail, if the process dies first. */
  async waitUntilReady(): Promise<void> {
    await waitFor(
      async () => {
        if (!this.running) throw new Error(`${this.name} ${this.exitDescription ?? 'is not running'}`);
        const response = await fetch(`${this.url}/ready`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
        return response?.ok === true;
      },
      { timeoutMs: this.options.readyTimeoutMs, intervalMs: 200, description: `${this.name} to answer /ready` },
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n--- last lines of ${this.logFile}\n${this.logTail(40)}`, { cause: error });
    });
  }

  /** Sends `signal` and waits for the exit; after `graceMs` a SIGKILL follows. */
  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 20_000): Promise<string> {
    if (!this.running || !this.child) return this.exitDescription ?? 'not running';
    this.child.kill(signal);
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    try {
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
    return this.exitDescription ?? 'exited';
  }

  /** Last lines of the log (all restarts of this service). */
  logTail(lines: number): string {
    if (!existsSync(this.logFile)) return '(no log)';
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  }
}

/** A port the kernel just handed out on 127.0.0.1; free unless someone takes it in the next moments. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
