/**
 * Reads, interpolates and validates `retail-hub.yaml`. Every failure is a `StartupError` whose
 * message names the cause and the fix, so `retail-hub start` can print one paragraph and exit.
 *
 * @example
 * ```ts
 * import { loadConfig } from './load-config.js';
 * const config = await loadConfig('./retail-hub.yaml');
 * console.log(config.stores.map((s) => s.id));
 * ```
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { StartupError } from '../cli/fatal.js';
import { validateConfig } from './validate-config.js';
import { protectReferences } from './interpolate-env.js';
import { ConfigError } from './config-problem.js';
import type { HubConfig } from './schema.js';

export async function loadConfig(
  path: string,
  env: Record<string, string | undefined> = process.env,
): Promise<HubConfig> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new StartupError(
      `cannot read the configuration file ${absolute} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
      'Create it from retail-hub.example.yaml, or point --config (or RETAIL_HUB_CONFIG) at the right file.',
      { cause: error },
    );
  }
  return parseConfig(text, absolute, env);
}

export function parseConfig(
  text: string,
  source: string,
  env: Record<string, string | undefined> = process.env,
): HubConfig {
  let document: unknown;
  const { text: yamlText, references } = protectReferences(text);
  try {
    document = parse(yamlText);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new StartupError(
      `the configuration file ${source} is not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`,
      'Fix the YAML syntax (indentation, quoting) and start again.',
      { cause: error },
    );
  }
  const result = validateConfig(document, env, references);
  if (!result.ok) {
    const error = new ConfigError(source, result.problems);
    throw new StartupError(
      error.message,
      'Fix each key listed above (secrets are read from the environment variables the file names) and start again.',
      { cause: error },
    );
  }
  return result.config;
}
