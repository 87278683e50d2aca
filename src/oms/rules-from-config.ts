/**
 * Reads the hub config's `routing:` section into RoutingRules: defaults filled in, unknown keys
 * and bad values refused with every problem by its key path (the config loader shows them at start).
 *
 * @example
 * ```ts
 * import { routingRulesFromConfig } from './rules-from-config.js';
 * routingRulesFromConfig({ strategy: 'priority' });
 * // { ok: true, rules: { strategy: 'priority', allowSplit: true, allowPartialLine: false, backorder: 'backorder', preferRegion: true } }
 * routingRulesFromConfig({ allowSplit: 'yes' }); // { ok: false, errors: [{ path: 'routing.allowSplit', message: 'must be boolean' }] }
 * ```
 */
import { Compile } from 'typebox/compile';
import { DEFAULT_ROUTING_RULES, RoutingRulesSchema, type RoutingRules } from './routing-rules.js';

const validator = Compile(RoutingRulesSchema);

export type RulesResult =
  { ok: true; rules: RoutingRules } | { ok: false; errors: { path: string; message: string }[] };

export function routingRulesFromConfig(section: unknown): RulesResult {
  if (section === undefined || section === null) return { ok: true, rules: { ...DEFAULT_ROUTING_RULES } };
  if (typeof section !== 'object' || Array.isArray(section))
    return { ok: false, errors: [{ path: 'routing', message: 'must be an object' }] };
  const candidate = { ...DEFAULT_ROUTING_RULES, ...(section as Record<string, unknown>) };
  if (validator.Check(candidate)) return { ok: true, rules: candidate };
  const errors = [...validator.Errors(candidate)].map((error) => ({
    path: `routing${error.instancePath.replaceAll('/', '.')}`,
    message: error.message,
  }));
  return { ok: false, errors };
}
