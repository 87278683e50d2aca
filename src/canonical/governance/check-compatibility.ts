/**
 * The governance gate: compares the schemas in code with the published files in a directory
 * (the committed `schemas/`). It fails on a breaking change to a published version, a published
 * schema the code dropped, a version number going backwards, or a current version not yet
 * exported; additive changes pass (re-export to publish them).
 *
 * @example
 * ```ts
 * const report = await checkCompatibility('./schemas');
 * if (!report.ok) console.error(formatCompatibilityReport(report));
 * ```
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareSchemas, type SchemaChange } from './compare-schemas.js';
import { publishedSchemas, schemaFileText, type PublishedSchema } from './published-schemas.js';

export type ProblemKind =
  SchemaChange['kind'] | 'not_exported' | 'removed_schema' | 'version_regressed' | 'unreadable';

export interface CompatibilityProblem {
  /** Relative schema file, e.g. `events/order.received/v1.json`. */
  file: string;
  kind: ProblemKind;
  path: string;
  message: string;
}

export interface CompatibilityReport {
  ok: boolean;
  problems: CompatibilityProblem[];
  /** Compatible changes not yet exported (re-run `retail-hub schemas export`). */
  additive: CompatibilityProblem[];
  /** Published files whose text differs from a fresh export. */
  stale: string[];
}

async function listPublished(dir: string): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  for (const kind of ['models', 'events']) {
    const names = await readdir(join(dir, kind)).catch(() => [] as string[]);
    for (const name of names) {
      const files = await readdir(join(dir, kind, name)).catch(() => [] as string[]);
      const versions = files.flatMap((f) => /^v([0-9]+)\.json$/.exec(f)?.[1] ?? []).map(Number);
      found.set(`${kind}/${name}`, versions);
    }
  }
  return found;
}

/** @param inCode the schemas to check; defaults to what the code publishes (tests pass variants). */
export async function checkCompatibility(
  dir: string,
  inCode: readonly PublishedSchema[] = publishedSchemas(),
): Promise<CompatibilityReport> {
  const problems: CompatibilityProblem[] = [];
  const additive: CompatibilityProblem[] = [];
  const stale: string[] = [];
  const published = await listPublished(dir);
  const codeVersions = new Map<string, number>();

  const texts = await Promise.all(
    inCode.map((schema) => readFile(join(dir, schema.path), 'utf8').catch(() => undefined)),
  );

  for (const [index, schema] of inCode.entries()) {
    const folder = schema.path.slice(0, schema.path.lastIndexOf('/'));
    codeVersions.set(folder, Math.max(codeVersions.get(folder) ?? 0, schema.version));
    const text = texts[index];
    if (text === undefined) {
      problems.push({
        file: schema.path,
        kind: 'not_exported',
        path: '',
        message: `${schema.path} is not published: run \`retail-hub schemas export ${dir}\` and commit it`,
      });
      continue;
    }
    let before: unknown;
    try {
      before = JSON.parse(text);
    } catch (error) {
      problems.push({ file: schema.path, kind: 'unreadable', path: '', message: String(error) });
      continue;
    }
    if (text !== schemaFileText(schema)) stale.push(schema.path);
    for (const change of compareSchemas(before, schema.json)) {
      const entry = { file: schema.path, kind: change.kind, path: change.path, message: change.message };
      if (change.breaking) {
        entry.message += ` — breaking for published ${schema.name} v${schema.version}: revert it or publish v${schema.version + 1}`;
        problems.push(entry);
      } else {
        additive.push(entry);
      }
    }
  }

  for (const [folder, versions] of published) {
    const current = codeVersions.get(folder);
    const latest = Math.max(...versions);
    if (current === undefined) {
      problems.push({
        file: `${folder}/v${latest}.json`,
        kind: 'removed_schema',
        path: '',
        message: `${folder} is published but no longer in code`,
      });
    } else if (latest > current) {
      problems.push({
        file: `${folder}/v${latest}.json`,
        kind: 'version_regressed',
        path: '',
        message: `${folder} is published at v${latest} but the code is at v${current}`,
      });
    }
  }
  return { ok: problems.length === 0, problems, additive, stale };
}

export function formatCompatibilityReport(report: CompatibilityReport): string {
  const lines = report.problems.map(
    (p) => `BREAKING ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.kind}: ${p.message}`,
  );
  lines.push(
    ...report.additive.map((p) => `additive ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.kind}: ${p.message}`),
  );
  if (report.stale.length > 0) lines.push(`stale (re-export): ${report.stale.join(', ')}`);
  lines.push(report.ok ? 'schemas compatible' : `${report.problems.length} breaking problem(s)`);
  return lines.join('\n');
}
