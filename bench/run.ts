/**
 * Runs the benchmarks listed in `./index.ts` and prints each result as a table.
 *
 * @example
 * ```sh
 * npm run bench                 # all of them
 * npm run bench -- dispatch     # only those whose name contains "dispatch"
 * ```
 */
import { availableParallelism, loadavg } from 'node:os';
import { benches, type BenchResult } from './index.js';

export function formatTable(result: BenchResult): string {
  const columns = [...new Set(result.rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined) =>
    v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('en-US') : v;
  const widths = columns.map((c) => Math.max(c.length, ...result.rows.map((r) => cell(r[c]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    `## ${result.title}`,
    line(columns),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...result.rows.map((r) => line(columns.map((c) => cell(r[c])))),
  ].join('\n');
}

const filters = process.argv.slice(2);
// Figures depend on what else the machine is doing: say so with them.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
process.stdout.write(`node ${process.version}, ${availableParallelism()} cores, load average ${load()}\n\n`);
const selected = benches.filter((b) => filters.length === 0 || filters.some((f) => b.name.includes(f)));
for (const bench of selected) {
  const result = await bench.run();
  process.stdout.write(`${formatTable(result)}\n\n`);
}
