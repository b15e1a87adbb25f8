/**
 * A progress bar on stderr for work that takes more than a second. Silent for the first
 * second; on a terminal it redraws one line, otherwise it prints a line every 5 seconds.
 */
/** Stage names shown in both languages. */
const STAGES: Record<string, string> = { reading: '读取 / reading', cleaning: '清洗 / cleaning', staging: '暂存 / staging', merging: '合并 / merging' };

export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;
  private stage: string | undefined;
  private fraction: number | undefined;

  constructor(
    private readonly label: string,
    private readonly total?: number,
    private readonly unit = 'rows',
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /**
   * `stage`: what the work is doing now (e.g. reading / cleaning / merging), shown after the label;
   * `fraction`: how much of the whole is done (0–1) when there is no total to count against
   */
  update(done: number, stage?: string, fraction?: number): void {
    if (stage !== undefined && stage !== this.stage) { this.stage = stage; this.lastDraw = 0; }
    if (fraction !== undefined) this.fraction = fraction;
    const now = Date.now();
    if (now - this.started < 1000) return;
    const tty = this.stream.isTTY === true;
    if (now - this.lastDraw < (tty ? 100 : 5000)) return;
    this.lastDraw = now;
    this.draw(done, tty);
  }

  done(done: number): void {
    if (this.drawn) {
      if (this.fraction !== undefined) this.fraction = 1;
      this.draw(done, this.stream.isTTY === true);
      if (this.stream.isTTY) this.stream.write('\n');
    }
  }

  private draw(done: number, tty: boolean): void {
    this.drawn = true;
    const secs = (Date.now() - this.started) / 1000;
    const rate = Math.round(done / Math.max(secs, 0.001));
    let bar = '';
    const frac = this.total ? Math.min(1, done / this.total) : this.fraction;
    if (frac !== undefined) {
      const filled = Math.round(frac * 24);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(24 - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% `;
    }
    const label = this.stage ? `${this.label} (${STAGES[this.stage] ?? this.stage})` : this.label;
    const text = `${label} ${bar}${done.toLocaleString('en-US')}${this.total ? '/' + this.total.toLocaleString('en-US') : ''} ${this.unit} · ${rate.toLocaleString('en-US')} ${this.unit}/s · ${secs.toFixed(0)}s`;
    this.stream.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
  }
}
