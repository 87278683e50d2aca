/** `retail-hub sim woocommerce` as a child process: starts, serves with enforced keys and faults, stops on SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { call, obj } from './helpers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let child: ChildProcess | null = null;

function waitForUrl(process: ChildProcess, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`no "listening on" line within ${deadlineMs} ms: ${output}`)),
      deadlineMs,
    );
    process.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+?)(?:\s|$)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    process.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${output}`)));
  });
}

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('retail-hub sim woocommerce', () => {
  it('serves the store with fixtures, keys and a 429 burst, and exits cleanly on SIGTERM', async () => {
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        'sim',
        'woocommerce',
        '--port',
        '0',
        '--store-id',
        'cli',
        '--secret',
        's',
        '--consumer-key',
        'ck_cli',
        '--consumer-secret',
        'cs_cli',
        '--fixtures',
        join(ROOT, 'test/sim/woocommerce/fixtures'),
        '--burst-429',
        '1',
        '--retry-after',
        '2',
      ],
      { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await waitForUrl(child, 20_000);
    const limited = await call(`${url}/wp-json/wc/v3/orders`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    const anonymous = await call(`${url}/wp-json/wc/v3/orders`);
    expect(obj(anonymous.json).code).toBe('woocommerce_rest_cannot_view');
    const state = obj((await call(`${url}/__control/state`)).json);
    expect(obj(state.counts).orders).toBe(3);
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
