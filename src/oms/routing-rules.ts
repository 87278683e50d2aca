/**
 * Routing rules are configuration (`routing:` in the hub config), validated by this schema.
 *
 * - `strategy`: `minimise-split` prefers one location that can ship everything, then covers the
 *   rest with as few locations as possible; `priority` takes, line by line, the best-ranked
 *   location with stock.
 * - `allowSplit`: the order may ship from several locations.
 * - `allowPartialLine`: one line's quantity may be divided (between locations and/or a backorder).
 * - `backorder`: what happens to units no location can ship: keep them as a `backorder`, or
 *   `cancel-line` (the saga then requests a refund).
 * - `preferRegion`: rank locations serving the store's region first.
 * - `excludeLocations`: never route to these (a warehouse in stock-take, a supplier on hold).
 * - `backorderMaxDays`: how long a backordered line may wait before the saga cancels and refunds
 *   it (default 14, read by the saga; 0 = wait for ever).
 *
 * @example
 * ```ts
 * import { Value } from 'typebox/value';
 * import { RoutingRulesSchema, DEFAULT_ROUTING_RULES } from './routing-rules.js';
 * Value.Check(RoutingRulesSchema, DEFAULT_ROUTING_RULES); // true
 * ```
 */
import { Type, type Static } from 'typebox';

export const RoutingRulesSchema = Type.Object(
  {
    strategy: Type.Union([Type.Literal('minimise-split'), Type.Literal('priority')], {
      default: 'minimise-split',
    }),
    allowSplit: Type.Boolean({ default: true }),
    allowPartialLine: Type.Boolean({ default: false }),
    backorder: Type.Union([Type.Literal('backorder'), Type.Literal('cancel-line')], { default: 'backorder' }),
    preferRegion: Type.Boolean({ default: true }),
    excludeLocations: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    backorderMaxDays: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { title: 'RoutingRules', additionalProperties: false },
);
export type RoutingRules = Static<typeof RoutingRulesSchema>;

export const DEFAULT_ROUTING_RULES: RoutingRules = {
  strategy: 'minimise-split',
  allowSplit: true,
  allowPartialLine: false,
  backorder: 'backorder',
  preferRegion: true,
};
