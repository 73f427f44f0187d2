import { formatMs } from '../report/run-report.renderer';

/** Count, rate and ETA on one self-rewriting stderr line (plain lines when stderr is not a terminal). */
export class ProgressBar {
  private done = 0;
  private failed = 0;
  private readonly started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  tick(ok: boolean): void {
    this.done += 1;
    if (!ok) this.failed += 1;
    const now = performance.now();
    // Redraw at most ten times a second, and always at the end.
    if (now - this.lastDraw > 100 || this.done === this.total) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }

  private draw(now: number): void {
    const elapsedS = (now - this.started) / 1000;
    const rate = elapsedS > 0 ? this.done / elapsedS : 0;
    const remaining = rate > 0 ? ((this.total - this.done) / rate) * 1000 : 0;
    const width = 30;
    const filled = this.total > 0 ? Math.round((this.done / this.total) * width) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const line = `${bar} ${this.done}/${this.total}  ${rate.toFixed(1)}/s  ETA ${formatMs(remaining)}${this.failed ? `  ${this.failed} bad` : ''}`;
    if (this.stream.isTTY) this.stream.write(`\r${line}\u001b[K`);
    else if (this.done === this.total || this.done % 100 === 0) this.stream.write(line + '\n');
  }
}
