/** Refused sign-ins one client address may make within a window before it must wait. */
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** Beyond this many addresses, windows that have ended are dropped rather than waiting to be looked up. */
const MAX_TRACKED_ADDRESSES = 10_000;

interface FailureWindow {
  failures: number;
  startedAt: number;
}

/**
 * Counts refused sign-ins per client address in fixed windows: after `limit` refusals the address waits until
 * its window ends, even with a good key, so a key cannot be guessed through the sign-in form. Successful sign-ins
 * do not reset the count. In memory, per process (a client spreading attempts over n replicas gets n times the allowance).
 */
export class SignInThrottle {
  private readonly windows = new Map<string, FailureWindow>();

  constructor(
    private readonly limit = SIGN_IN_FAILURE_LIMIT,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the address must wait before it may try again, or 0 when it may try now. */
  waitSeconds(address: string): number {
    const window = this.liveWindow(address);
    if (!window || window.failures < this.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const window = this.liveWindow(address) ?? { failures: 0, startedAt: this.now() };
    window.failures += 1;
    this.windows.set(address, window);
    if (this.windows.size > MAX_TRACKED_ADDRESSES) this.forgetEndedWindows();
  }

  private forgetEndedWindows(): void {
    for (const address of [...this.windows.keys()]) this.liveWindow(address);
  }

  private liveWindow(address: string): FailureWindow | undefined {
    const window = this.windows.get(address);
    if (window && window.startedAt + this.windowMs <= this.now()) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }
}
