/**
 * The shape of `retail-hub.yaml`. Integrators and other tools write this file, so keys are only
 * ever added, never renamed. Validation problems are reported by key path (`stores[1].url`).
 *
 * @example
 * ```ts
 * import { HubConfigSchema, type HubConfig } from './schema.js';
 * ```
 */
import { Type, type Static } from 'typebox';

const Id = Type.String({
  pattern: '^[a-z0-9-]+$',
  minLength: 1,
  maxLength: 40,
  description: 'lowercase letters, digits and dashes',
});
const HttpUrl = Type.String({ pattern: '^https?://[^\\s]+$', description: 'an http or https URL' });
const Secret = Type.String({ minLength: 1, description: 'usually a ${ENV_VAR} reference' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'an ISO 4217 code such as EUR' });

export const DatabaseSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
    path: Type.Optional(Type.String({ minLength: 1, description: 'SQLite file (kind: sqlite)' })),
    url: Type.Optional(
      Type.String({ pattern: '^postgres(ql)?://', description: 'postgres://… (kind: postgres)' }),
    ),
    schema: Type.Optional(Type.String({ pattern: '^[a-z_][a-z0-9_]*$' })),
  },
  { additionalProperties: false },
);

export const BusSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('embedded'), Type.Literal('nats')]),
    servers: Type.Optional(Type.Array(Type.String({ pattern: '^(nats|tls)://' }), { minItems: 1 })),
    stream: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const ServerSchema = Type.Object(
  {
    port: Type.Integer({ minimum: 0, maximum: 65535 }),
    host: Type.Optional(Type.String({ minLength: 1 })),
    publicUrl: HttpUrl,
    /** Bearer token for /v1 admin endpoints; unset means the admin API is open on loopback only. */
    adminToken: Type.Optional(Secret),
    /**
     * Bearer token for the storefront APIs (`/v1/availability`, `/v1/checkout/*`); unset means they
     * are open. Set it when the storefront's server calls the hub: checkout holds can otherwise be
     * taken by anyone who finds the URL, and a hoarder could hold a flash sale's stock.
     */
    storefrontToken: Type.Optional(Secret),
  },
  { additionalProperties: false },
);

export const RateLimitSchema = Type.Object(
  {
    perSecond: Type.Number({ exclusiveMinimum: 0 }),
    burst: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const StoreSchema = Type.Object(
  {
    id: Id,
    url: HttpUrl,
    consumerKey: Type.String({ minLength: 1 }),
    consumerSecret: Secret,
    webhookSecret: Secret,
    currency: Currency,
    locations: Type.Array(Id, { minItems: 1 }),
    name: Type.Optional(Type.String()),
    region: Type.Optional(Type.String({ description: 'e.g. EU, US; used by routing rules' })),
    pricesIncludeTax: Type.Optional(Type.Boolean()),
    taxRounding: Type.Optional(Type.Union([Type.Literal('per-line'), Type.Literal('subtotal')])),
    pricelist: Type.Optional(Type.String({ description: 'ERP pricelist for this store' })),
    poll: Type.Optional(
      Type.Object(
        {
          intervalSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
          products: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    rateLimit: Type.Optional(RateLimitSchema),
    safetyStock: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const ErpSchema = Type.Object(
  {
    kind: Type.Literal('odoo'),
    url: HttpUrl,
    database: Type.String({ minLength: 1 }),
    username: Type.String({ minLength: 1 }),
    apiKey: Secret,
    version: Type.Optional(
      Type.Union([Type.Literal(16), Type.Literal(17), Type.Literal(18), Type.Literal(19)]),
    ),
    transport: Type.Optional(Type.Union([Type.Literal('json2'), Type.Literal('jsonrpc')])),
    taxMode: Type.Optional(Type.Union([Type.Literal('line'), Type.Literal('map')])),
    taxMap: Type.Optional(Type.Record(Type.String(), Type.String())),
    rateLimit: Type.Optional(RateLimitSchema),
    pollIntervalSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const WmsSchema = Type.Object(
  {
    url: HttpUrl,
    apiKey: Type.Optional(Secret),
    webhookSecret: Secret,
  },
  { additionalProperties: false },
);

export const WarehouseSchema = Type.Object(
  {
    id: Id,
    erpLocation: Type.String({ minLength: 1 }),
    wms: WmsSchema,
    region: Type.Optional(Type.String()),
    priority: Type.Optional(Type.Integer()),
    costPerShipment: Type.Optional(Type.String({ pattern: '^\\d+(\\.\\d+)?$' })),
  },
  { additionalProperties: false },
);

export const DropshipSchema = Type.Object(
  {
    id: Id,
    name: Type.Optional(Type.String()),
    serves: Type.Array(Id, { description: 'store ids this supplier ships for' }),
    wms: WmsSchema,
    priority: Type.Optional(Type.Integer()),
    costPerShipment: Type.Optional(Type.String({ pattern: '^\\d+(\\.\\d+)?$' })),
    /** How often the supplier's stock-level feed is read; default 30. */
    stockPollIntervalSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const Owner = Type.Union([Type.Literal('erp'), Type.Literal('woocommerce'), Type.Literal('hub')]);

export const OwnershipSchema = Type.Object(
  {
    product: Type.Optional(Owner),
    price: Type.Optional(Owner),
    stock: Type.Optional(Owner),
    customer: Type.Optional(Owner),
    orderStatus: Type.Optional(Owner),
  },
  { additionalProperties: false },
);

export const PaymentsSchema = Type.Object(
  {
    /** Payment methods whose orders proceed before payment (cash on delivery, invoice). */
    proceedUnpaid: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export const InventorySchema = Type.Object(
  {
    safetyStock: Type.Optional(Type.Integer({ minimum: 0 })),
    safetyStockPerSku: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
    staleAfterSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
    fallback: Type.Optional(Type.Union([Type.Literal('last-known'), Type.Literal('refuse')])),
    pushIntervalMs: Type.Optional(Type.Integer({ minimum: 10 })),
  },
  { additionalProperties: false },
);

export const RuntimeSchema = Type.Object(
  {
    concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 1024 })),
    maxAttempts: Type.Optional(Type.Integer({ minimum: 1 })),
    retryBaseMs: Type.Optional(Type.Integer({ minimum: 1 })),
    retryMaxMs: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const HubConfigSchema = Type.Object(
  {
    database: DatabaseSchema,
    bus: BusSchema,
    server: ServerSchema,
    stores: Type.Array(StoreSchema, { minItems: 1 }),
    erp: ErpSchema,
    warehouses: Type.Array(WarehouseSchema, { minItems: 1 }),
    dropship: Type.Optional(Type.Array(DropshipSchema)),
    ownership: Type.Optional(OwnershipSchema),
    payments: Type.Optional(PaymentsSchema),
    inventory: Type.Optional(InventorySchema),
    runtime: Type.Optional(RuntimeSchema),
    /** Order routing rules; validated by the OMS (`src/oms/`), save the saga's own key below. */
    routing: Type.Optional(
      Type.Intersect([
        Type.Record(Type.String(), Type.Unknown()),
        Type.Object({
          /** Days a backordered line may wait before it is cancelled and refunded; default 14, 0 = for ever. */
          backorderMaxDays: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
      ]),
    ),
    log: Type.Optional(Type.Object({ level: Type.Optional(Type.String()) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export type HubConfig = Static<typeof HubConfigSchema>;
export type StoreConfig = Static<typeof StoreSchema>;
export type ErpConfig = Static<typeof ErpSchema>;
export type WarehouseConfig = Static<typeof WarehouseSchema>;
export type DropshipConfig = Static<typeof DropshipSchema>;
export type DatabaseConfig = Static<typeof DatabaseSchema>;
export type BusConfig = Static<typeof BusSchema>;
