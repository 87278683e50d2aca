/**
 * The hub as its own process, for the crash test: reads a hub configuration (JSON) from the path
 * in argv[2], starts everything and prints `READY <url>` once it listens. The parent kills it
 * with SIGKILL and starts it again on the same store.
 *
 * @example
 * ```sh
 * node --import tsx test/e2e/hub-process.ts /tmp/hub-config.json
 * ```
 */
import { readFile } from 'node:fs/promises';
import { createHub } from '../../src/app/create-hub.js';
import type { HubConfig } from '../../src/config/schema.js';
import { silentLogger } from '../../src/ops/logger.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: hub-process.ts CONFIG.json');
const config = JSON.parse(await readFile(path, 'utf8')) as HubConfig;
const hub = await createHub({ config, log: silentLogger() });
await hub.start();
process.stdout.write(`READY ${hub.url}\n`);
process.on('SIGTERM', () => {
  void hub.stop().then(() => process.exit(0));
});
