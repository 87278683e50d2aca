/**
 * Turns a parsed YAML document into a `HubConfig`, or lists every problem by key path. Schema
 * errors come first, then cross-references (a store selling from an unknown warehouse) that a
 * JSON schema cannot express.
 *
 * @example
 * ```ts
 * const result = validateConfig(YAML.parse(text), process.env);
 * if (!result.ok) console.error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
 * ```
 */
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { HubConfigSchema, type HubConfig } from './schema.js';
import { interpolateEnv, type EnvReference } from './interpolate-env.js';
import { toKeyPath, type ConfigProblem } from './config-problem.js';

const compiled = Compile(HubConfigSchema);

export type ValidationResult = { ok: true; config: HubConfig } | { ok: false; problems: ConfigProblem[] };

interface TypeBoxError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
  schemaPath: string;
}

function describe(error: TypeBoxError): ConfigProblem | undefined {
  const path = toKeyPath(error.instancePath);
  switch (error.keyword) {
    case 'boolean':
      return undefined; // the additionalProperties error below names the key
    case 'additionalProperties': {
      const keys = (error.params.additionalProperties as string[] | undefined) ?? [];
      return {
        path,
        message: `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
      };
    }
    case 'required': {
      const keys = (error.params.requiredProperties as string[] | undefined) ?? [];
      return { path, message: `missing required key${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` };
    }
    case 'pattern': {
      if (path.endsWith('url') || path.endsWith('publicUrl'))
        return { path, message: 'must be an https or http URL' };
      if (path.endsWith('currency')) return { path, message: 'must be an ISO 4217 code such as EUR' };
      if (/(^|\.)id$|locations\[\d+\]$|serves\[\d+\]$/.test(path))
        return { path, message: 'must be lowercase letters, digits and dashes ([a-z0-9-]+)' };
      return { path, message: error.message };
    }
    case 'const':
      return { path, message: `must be ${JSON.stringify(error.params.allowedValue)}` };
    case 'anyOf':
      return undefined; // the branch errors below say which values are allowed
    default:
      return { path, message: error.message };
  }
}

function schemaProblems(value: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const literals = new Map<string, unknown[]>();
  for (const raw of compiled.Errors(value) as Iterable<TypeBoxError>) {
    if (raw.keyword === 'const' && raw.schemaPath.includes('anyOf')) {
      const path = toKeyPath(raw.instancePath);
      literals.set(path, [...(literals.get(path) ?? []), raw.params.allowedValue]);
      continue;
    }
    const problem = describe(raw);
    if (problem) problems.push(problem);
  }
  for (const [path, allowed] of literals) {
    problems.push({ path, message: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}` });
  }
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function crossReferenceProblems(config: HubConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (config.database.kind === 'sqlite' && !config.database.path)
    problems.push({ path: 'database.path', message: 'is required when kind is sqlite' });
  if (config.database.kind === 'postgres' && !config.database.url)
    problems.push({
      path: 'database.url',
      message: 'is required when kind is postgres (postgres://user@host:5432/db)',
    });
  if (config.bus.kind === 'nats' && !config.bus.servers)
    problems.push({
      path: 'bus.servers',
      message: 'is required when kind is nats (e.g. [nats://127.0.0.1:4222])',
    });

  const locationIds = new Set([
    ...config.warehouses.map((w) => w.id),
    ...(config.dropship ?? []).map((d) => d.id),
  ]);
  const storeIds = new Set<string>();
  config.stores.forEach((store, i) => {
    if (storeIds.has(store.id))
      problems.push({ path: `stores[${i}].id`, message: `duplicate store id "${store.id}"` });
    storeIds.add(store.id);
    store.locations.forEach((loc, j) => {
      if (!locationIds.has(loc))
        problems.push({
          path: `stores[${i}].locations[${j}]`,
          message: `no warehouse or drop-ship supplier has id "${loc}"`,
        });
    });
  });
  const seenLocations = new Set<string>();
  [...config.warehouses, ...(config.dropship ?? [])].forEach((loc, i) => {
    const path =
      i < config.warehouses.length ? `warehouses[${i}].id` : `dropship[${i - config.warehouses.length}].id`;
    if (seenLocations.has(loc.id)) problems.push({ path, message: `duplicate location id "${loc.id}"` });
    seenLocations.add(loc.id);
  });
  (config.dropship ?? []).forEach((supplier, i) =>
    supplier.serves.forEach((storeId, j) => {
      if (!storeIds.has(storeId))
        problems.push({ path: `dropship[${i}].serves[${j}]`, message: `no store has id "${storeId}"` });
    }),
  );
  return problems;
}

export function validateConfig(
  document: unknown,
  env: Record<string, string | undefined>,
  references: EnvReference[] = [],
): ValidationResult {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, problems: [{ path: '', message: 'must be a YAML mapping (key: value pairs)' }] };
  }
  const { value, problems: envProblems } = interpolateEnv(document, env, references);
  // A missing secret also fails its minLength; the environment message is the one to act on.
  const envPaths = new Set(envProblems.map((p) => p.path));
  const problems = [...schemaProblems(value).filter((p) => !envPaths.has(p.path)), ...envProblems];
  if (problems.length > 0) return { ok: false, problems };
  const config = Value.Clone(value) as HubConfig;
  const crossProblems = crossReferenceProblems(config);
  return crossProblems.length > 0 ? { ok: false, problems: crossProblems } : { ok: true, config };
}
