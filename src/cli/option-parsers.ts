/**
 * Argument parsers shared by the CLI commands: each refuses a bad value with commander's
 * `InvalidArgumentError`, so the user sees "option '--x <n>' argument 'abc' is invalid. must be …".
 *
 * @example
 * ```ts
 * program.option('--latency-ms <ms>', 'added latency', nonNegativeInt, 0);
 * ```
 */
import { InvalidArgumentError } from 'commander';

export function nonNegativeInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError('must be a non-negative integer');
  return parsed;
}

export function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('must be an integer');
  return parsed;
}

/** A probability such as 0.05. */
export function fraction(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1)
    throw new InvalidArgumentError('must be a number between 0 and 1');
  return parsed;
}

/** `a,b , c` → `['a', 'b', 'c']` */
export function csv(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
