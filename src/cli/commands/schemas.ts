/**
 * `retail-hub schemas export DIR` writes every canonical model and event schema as versioned
 * JSON Schema files; `retail-hub schemas check DIR` fails (exit code 1) on breaking changes
 * against the files in DIR.
 *
 * @example
 * ```sh
 * retail-hub schemas export schemas
 * retail-hub schemas check schemas
 * ```
 */
import { CommanderError, type Command } from 'commander';
import {
  checkCompatibility,
  exportSchemas,
  formatCompatibilityReport,
} from '../../canonical/governance/index.js';

export function register(program: Command): void {
  const schemas = program
    .command('schemas')
    .description('canonical JSON Schemas: export and compatibility check');

  schemas
    .command('export')
    .description(
      'write every model and event schema as DIR/models/<name>/vN.json and DIR/events/<type>/vN.json',
    )
    .argument('<dir>', 'target directory, e.g. schemas')
    .action(async (dir: string) => {
      const { written } = await exportSchemas(dir);
      process.stdout.write(`wrote ${written.length} schema files under ${dir}\n`);
    });

  schemas
    .command('check')
    .description('compare the schemas in code with the published files; exit 1 on a breaking change')
    .argument('[dir]', 'published schemas directory', 'schemas')
    .action(async (dir: string) => {
      const report = await checkCompatibility(dir);
      process.stdout.write(`${formatCompatibilityReport(report)}\n`);
      if (!report.ok) {
        throw new CommanderError(1, 'retail-hub.schemas.incompatible', 'breaking schema changes');
      }
    });
}
