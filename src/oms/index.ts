/**
 * Order management: routing rules, order routing and line rerouting.
 *
 * @example
 * ```ts
 * import { routeOrder, DEFAULT_ROUTING_RULES } from './oms/index.js';
 * const plan = routeOrder(input, { locations }, DEFAULT_ROUTING_RULES);
 * ```
 */
export { routeOrder } from './route-order.js';
export { rerouteLine, type RerouteOptions } from './reroute-line.js';
export { RoutingRulesSchema, DEFAULT_ROUTING_RULES, type RoutingRules } from './routing-rules.js';
export type * from './types.js';
export { routingRulesFromConfig, type RulesResult } from './rules-from-config.js';
export { candidatesFromConfig, type RoutingConfig } from './candidates-from-config.js';
export {
  createOmsRouter,
  type OmsRouterOptions,
  type RouterAnswer,
  type RouterLine,
  type RouterRequest,
} from './order-router.js';
