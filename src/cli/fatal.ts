/**
 * Turns a fatal error into the one-paragraph message an operator can act on: what went wrong and
 * how to fix it; the stack only with `--verbose`.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export function reportFatal(
  error: unknown,
  verbose: boolean,
  write = (s: string) => process.stderr.write(s),
): number {
  if (error instanceof StartupError) {
    write(`retail-hub: ${error.message}\n${error.fix}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    write(`retail-hub: ${message}\n`);
  }
  if (verbose && error instanceof Error && error.stack) write(`${error.stack}\n`);
  else write('(run again with --verbose for the stack trace)\n');
  return 1;
}
