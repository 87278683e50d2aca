/**
 * An append-only record of what the emulator saw and did, for assertions such as "exactly one
 * fulfilment request reached the warehouse".
 */
export interface Journal<T> {
  list(): readonly T[];
  /** Entries matching every given field (a RegExp matches string fields). */
  count(filter?: Partial<Record<keyof T, unknown>>): number;
  clear(): void;
}

export class MemoryJournal<T extends object> implements Journal<T> {
  private readonly entries: T[] = [];

  /** Keeps about the newest `limit` entries, so a long demo run does not grow without bound. */
  constructor(private readonly limit = 100_000) {}

  add(entry: T): void {
    this.entries.push(entry);
    // Trim in chunks of 10%: one splice per many adds instead of a shift per add.
    if (this.entries.length > this.limit * 1.1) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): readonly T[] {
    return this.entries;
  }

  count(filter: Partial<Record<keyof T, unknown>> = {}): number {
    const conditions = Object.entries(filter) as [keyof T, unknown][];
    return this.entries.filter((entry) =>
      conditions.every(([key, expected]) => {
        const actual = entry[key];
        if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
        return actual === expected;
      }),
    ).length;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
