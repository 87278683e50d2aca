/**
 * A TCP port on 127.0.0.1 that nothing listens on, for a server whose URL must be known before it
 * starts (the hub's, which the emulators' webhooks point at).
 *
 * Asking the kernel for port 0 and closing it, the usual trick, hands out an *ephemeral* port: any
 * `listen(0)` in between — the world's own emulators, another test file — may be given the same one,
 * and the hub then fails with EADDRINUSE (seen in CI). So the port is drawn from below Linux's
 * ephemeral range (32768–60999), which port-0 listeners never get, and checked by binding it.
 *
 * @example
 * ```ts
 * const port = await freePort();
 * const systems = await startDemoSystems({ hubUrl: `http://127.0.0.1:${port}` });
 * ```
 */
import { createServer } from 'node:net';

const LOW = 20_000;
const HIGH = 32_000;

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} after 100 tries`);
}
