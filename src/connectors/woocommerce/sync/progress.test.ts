import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressLine } from './progress.js';

describe('backfill progress', () => {
  it('states count, rate and ETA', () => {
    expect(progressLine('orders eu', 250, 1000, 5000)).toBe('orders eu: 250/1000 records, 50.0/s, ETA 15s');
    expect(progressLine('orders eu', 0, undefined, 0)).toBe('orders eu: 0 records, 0.0/s, ETA ?');
    expect(formatDuration(185)).toBe('3m05s');
    expect(formatDuration(3720)).toBe('1h02m');
  });

  it('redraws one line with a bar on a TTY', () => {
    const writes: string[] = [];
    let t = 0;
    const progress = createProgress({
      label: 'orders eu',
      stream: { write: (s: string) => writes.push(s), isTTY: true, columns: 100 },
      intervalMs: 0,
      now: () => t,
    });
    t = 1000;
    progress.update(50, 100);
    progress.done();
    expect(writes[0]?.startsWith('\r\u001b[2K')).toBe(true);
    expect(writes[0]?.slice(5)).toMatch(/^\[#+\.+\] orders eu: 50\/100 records, 50\.0\/s, ETA 1s$/);
    expect(writes.at(-1)?.endsWith('\n')).toBe(true);
  });

  it('prints plain, throttled lines otherwise', () => {
    const writes: string[] = [];
    let t = 0;
    const progress = createProgress({
      label: 'p',
      stream: { write: (s: string) => writes.push(s) },
      intervalMs: 5000,
      now: () => t,
    });
    t = 6000;
    progress.update(1, 10);
    t = 7000;
    progress.update(2, 10);
    progress.done();
    expect(writes).toEqual(['p: 1/10 records, 0.2/s, ETA 54s\n', 'p: 2/10 records, 0.3/s, ETA 28s (done)\n']);
  });
});
