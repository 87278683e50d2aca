/**
 * Progress of a long job (a backfill) as count, rate and ETA. On a TTY it redraws one line on
 * stderr; otherwise it prints a plain line at most every `intervalMs`, so logs stay readable.
 *
 * @example
 * ```ts
 * const progress = createProgress({ label: 'orders eu', stream: process.stderr });
 * progress.update(250, 1200);
 * progress.done();
 * ```
 */
export interface Progress {
  update(done: number, total: number | undefined): void;
  done(): void;
}

export interface ProgressOptions {
  label: string;
  stream: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  intervalMs?: number;
  now?: () => number;
}

/** `3m05s`, `42s`, `1h02m`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The text of one progress line (without bar): count, total, rate and ETA. */
export function progressLine(
  label: string,
  done: number,
  total: number | undefined,
  elapsedMs: number,
): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = total !== undefined && rate > 0 ? formatDuration((total - done) / rate) : '?';
  const of = total === undefined ? '' : `/${total}`;
  return `${label}: ${done}${of} records, ${rate.toFixed(1)}/s, ETA ${eta}`;
}

function bar(done: number, total: number | undefined, width: number): string {
  if (total === undefined || total <= 0 || width < 5) return '';
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] `;
}

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const interval = options.intervalMs ?? (options.stream.isTTY ? 100 : 5000);
  let last = 0;
  let state: { done: number; total: number | undefined } = { done: 0, total: undefined };

  const render = (final: boolean) => {
    const text = progressLine(options.label, state.done, state.total, now() - started);
    if (options.stream.isTTY) {
      const width = Math.max(0, Math.min(30, (options.stream.columns ?? 80) - text.length - 4));
      options.stream.write(`\r\x1b[2K${bar(state.done, state.total, width)}${text}${final ? '\n' : ''}`);
    } else {
      options.stream.write(`${text}${final ? ' (done)' : ''}\n`);
    }
  };

  return {
    update(done, total) {
      state = { done, total };
      const t = now();
      if (t - last >= interval) {
        last = t;
        render(false);
      }
    },
    done() {
      render(true);
    },
  };
}
