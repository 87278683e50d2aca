/**
 * Replaces `${NAME}` (or `${NAME:-default}`) references in every string of a parsed config with
 * the environment's value, so secrets live in the environment and never in the file. A missing
 * variable is a problem reported at its key path, not an empty string.
 *
 * `${NAME}` is not valid YAML inside a flow mapping (`{ apiKey: ${KEY} }`: braces are flow
 * indicators), yet that is the documented config shape, so `protectReferences` swaps each
 * reference for a plain-scalar token before parsing and `interpolateEnv` resolves the tokens.
 *
 * @example
 * ```ts
 * interpolateEnv({ stores: [{ consumerSecret: '${WOO_EU_SECRET}' }] }, { WOO_EU_SECRET: 'cs_1' });
 * // → { value: { stores: [{ consumerSecret: 'cs_1' }] }, problems: [] }
 * ```
 */
import type { ConfigProblem } from './config-problem.js';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const TOKEN = /__rh_env_(\d+)__/g;

export interface EnvReference {
  name: string;
  fallback: string | undefined;
}

/** Replaces `${NAME}` in raw YAML text with tokens that parse as plain scalars anywhere. */
export function protectReferences(text: string): { text: string; references: EnvReference[] } {
  const references: EnvReference[] = [];
  const protectedText = text.replace(REFERENCE, (_match, name: string, fallback: string | undefined) => {
    references.push({ name, fallback });
    return `__rh_env_${references.length - 1}__`;
  });
  return { text: protectedText, references };
}

export function interpolateEnv(
  value: unknown,
  env: Record<string, string | undefined>,
  references: EnvReference[] = [],
): { value: unknown; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const resolve = (name: string, fallback: string | undefined, at: string): string => {
    const found = env[name];
    if (found !== undefined && found !== '') return found;
    if (fallback !== undefined) return fallback;
    problems.push({ path: at, message: `environment variable ${name} is not set` });
    return '';
  };
  const walk = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      return node
        .replace(TOKEN, (match, index: string) => {
          const ref = references[Number(index)];
          return ref ? resolve(ref.name, ref.fallback, at) : match;
        })
        .replace(REFERENCE, (_match, name: string, fallback: string | undefined) =>
          resolve(name, fallback, at),
        );
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${at}[${i}]`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, child]) => [key, walk(child, at === '' ? key : `${at}.${key}`)]),
      );
    }
    return node;
  };
  return { value: walk(value, ''), problems };
}
