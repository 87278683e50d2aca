/**
 * A pino logger that keeps what it writes, for tests that check what is logged (and that secrets
 * are not).
 *
 * @example
 * ```ts
 * const captured = captureLog();
 * captured.log.warn({ code: 'x' }, 'refused');
 * expect(captured.text()).toContain('refused');
 * ```
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export function captureLog(): { log: Logger; text(): string } {
  let written = '';
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    }),
  );
  return { log, text: () => written };
}
