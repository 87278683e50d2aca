/**
 * The whole database as Kysely sees it: each module declares the tables it owns in its own file
 * and they are merged here, so the type of a query tells which module's table it touches.
 * Migrations live in `src/store/migrations/` (one set for SQLite and PostgreSQL).
 */
import type { RuntimeTables } from '../runtime/tables.js';
import type { WooCommerceTables } from '../connectors/woocommerce/tables.js';
import type { SagaTables } from '../flows/order-to-cash/tables.js';
import type { TimelineTables } from '../ops/timeline/tables.js';
import type { ReservationTables } from '../flows/inventory/reservation-ledger/tables.js';
import type { InventoryTables } from '../flows/inventory/tables.js';
import type { CatalogueTables } from '../flows/catalogue/tables.js';

// Modules add `extends TheirTables` here, one line each.
export interface Database
  extends
    RuntimeTables,
    WooCommerceTables,
    SagaTables,
    TimelineTables,
    ReservationTables,
    InventoryTables,
    CatalogueTables {}
