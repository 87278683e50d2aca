import { monotonicFactory } from 'ulid';

/** Sortable ids; monotonic so ids minted in the same millisecond keep their creation order. */
export type IdFactory = (now: number) => string;

export function createIdFactory(): IdFactory {
  const next = monotonicFactory();
  return (now) => next(now);
}
