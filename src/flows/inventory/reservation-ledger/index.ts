/**
 * The hub's reservation ledger: units promised to orders the hub accepted and the ERP has not
 * allocated yet. Every operation is idempotent per (order, line) and takes a Kysely handle or a
 * transaction, so it commits with the saga step that causes it.
 *
 * @example
 * ```ts
 * import { reserve, release, consume, reservedQuantity } from './index.js';
 * await reserve(db, 'order:eu:1001', [{ lineId: '1', sku: 'TEE-M', location: 'main', quantity: 2 }]);
 * await reservedQuantity(db, 'TEE-M', ['main']); // 2
 * await consume(db, 'order:eu:1001');            // the ERP reserved or shipped it: its figures include it now
 * ```
 */
export { reserve, type ReservationLine } from './reserve.js';
export { release } from './release.js';
export { consume } from './consume.js';
export { retake } from './retake.js';
export { reservedQuantity, reservationsOf } from './reserved-quantity.js';
export type { ReservationStatus, ReservationsTable, ReservationTables } from './tables.js';
