/**
 * The ERP port (barrel). See `./erp/port.ts`.
 *
 * @example
 * ```ts
 * import type { ErpPort } from './connectors/erp.js';
 * ```
 */
export type * from './erp/port.js';
