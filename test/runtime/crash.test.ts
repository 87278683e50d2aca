import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../../src/store/create-database.js';
import { waitFor } from './helpers.js';
import type { CrashTables } from './crash-worker.js';

const WORKER = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOTAL = 800;
const KILLS = 20;

function startWorker(path: string): {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, path, String(TOTAL)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('crash safety (SQLite, SIGKILL)', () => {
  it(`handles every message exactly once in effect across ${KILLS} kills`, { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retail-hub-crash-'));
    const path = join(dir, 'hub.db');
    // The parent reads beside the worker (WAL); before the worker's first migration the table is missing.
    const reader = await createDatabase({ kind: 'sqlite', path });
    const progress = async () => {
      const row = await reader.db
        .withTables<CrashTables>()
        .selectFrom('crash_effects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
        .catch(() => undefined);
      return Number(row?.n ?? 0);
    };
    try {
      let killed = 0;
      for (let run = 0; run < KILLS; run++) {
        const worker = startWorker(path);
        const before = await progress();
        // Kill at a random point: during start-up and accepting, or after some handling.
        const target = before + Math.floor(Math.random() * 60);
        const outcome = await Promise.race([
          worker.exited.then(() => 'exited' as const),
          waitFor(async () => (await progress()) >= target, {
            timeoutMs: 120_000,
            what: `progress to ${target}`,
          }).then(() => 'progressed' as const),
        ]);
        if (outcome === 'exited') {
          expect(worker.output()).toContain('IDLE');
          break;
        }
        worker.child.kill('SIGKILL');
        await worker.exited;
        killed++;
      }
      const final = startWorker(path);
      expect(await final.exited, final.output()).toBe(0);
      expect(final.output()).toContain('IDLE');

      const db = reader.db.withTables<CrashTables>();
      const effects = await db.selectFrom('crash_effects').select(['message_id', 'times']).execute();
      expect(effects).toHaveLength(TOTAL);
      expect(effects.filter((e) => e.times !== 1)).toEqual([]);
      expect(await db.selectFrom('crash_violations').selectAll().execute()).toEqual([]);
      const unfinished = await db
        .selectFrom('deliveries')
        .select('seq')
        .where('status', '!=', 'done')
        .execute();
      expect(unfinished).toEqual([]);
      const inbox = await db
        .selectFrom('inbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(inbox.n)).toBe(TOTAL);
      expect(killed).toBeGreaterThan(KILLS / 2);
    } finally {
      await reader.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
