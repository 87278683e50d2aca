import { describe, expect, it } from 'vitest';
import { advanceCursor, parseCursor, shiftOdooTime } from './write-date-cursor.js';

const row = (id: number, write_date: string) => ({ id, write_date });

describe('advanceCursor', () => {
  it('delivers a change committed late with an older write_date inside the overlap window', () => {
    const first = advanceCursor(
      { seen: [] },
      [row(1, '2026-03-01 10:00:05'), row(2, '2026-03-01 10:00:09')],
      30,
    );
    expect(first.fresh.map((r) => r.id)).toEqual([1, 2]);
    expect(first.next.since).toBe('2026-03-01 10:00:09');
    // Record 3 was stamped 10:00:07 by a transaction that committed after the first poll.
    const reread = [
      row(1, '2026-03-01 10:00:05'),
      row(3, '2026-03-01 10:00:07'),
      row(2, '2026-03-01 10:00:09'),
    ];
    const second = advanceCursor(first.next, reread, 30);
    expect(second.fresh.map((r) => r.id)).toEqual([3]);
  });

  it('skips a record already delivered at the same write_date and delivers it again once rewritten', () => {
    const first = advanceCursor({ seen: [] }, [row(1, '2026-03-01 10:00:05')], 30);
    expect(advanceCursor(first.next, [row(1, '2026-03-01 10:00:05')], 30).fresh).toHaveLength(0);
    expect(advanceCursor(first.next, [row(1, '2026-03-01 10:00:06')], 30).fresh).toHaveLength(1);
  });

  it('forgets what fell out of the overlap window, keeping the cursor small', () => {
    const first = advanceCursor({ seen: [] }, [row(1, '2026-03-01 10:00:00')], 30);
    const second = advanceCursor(first.next, [row(2, '2026-03-01 10:05:00')], 30);
    expect(second.next.seen).toEqual(['2@2026-03-01 10:05:00']);
  });

  it('survives a garbled cursor by starting over (a full re-read, never a gap)', () => {
    expect(parseCursor('not json')).toEqual({ seen: [] });
    expect(shiftOdooTime('2026-03-01 00:00:10', 30)).toBe('2026-02-28 23:59:40');
  });
});
