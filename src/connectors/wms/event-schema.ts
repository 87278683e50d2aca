/**
 * The WMS webhook body as the hub accepts it: validated with TypeBox before anything is stored, so
 * a malformed event is refused with its problems listed instead of failing later in a flow.
 *
 * @example
 * ```ts
 * import { parseWmsEvent } from './event-schema.js';
 * const parsed = parseWmsEvent('{"id":"evt_1"}');
 * if (!parsed.ok) console.log(parsed.errors); // [{ path: '/type', message: ... }, ...]
 * ```
 */
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

const LineSchema = Type.Object({
  lineRef: Type.String({ minLength: 1 }),
  sku: Type.String({ minLength: 1 }),
  quantity: Type.Integer({ minimum: 1 }),
});

const ShipmentSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  carrier: Type.String({ minLength: 1 }),
  trackingNumber: Type.String({ minLength: 1 }),
  trackingUrl: Type.Optional(Type.String()),
  shippedAt: Type.String({ minLength: 1 }),
  lines: Type.Array(LineSchema),
});

const FulfilmentSnapshotSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  reference: Type.String({ minLength: 1 }),
  warehouse: Type.String({ minLength: 1 }),
  status: Type.Union([
    Type.Literal('accepted'),
    Type.Literal('picking'),
    Type.Literal('packed'),
    Type.Literal('shipped'),
    Type.Literal('exception'),
    Type.Literal('cancelled'),
  ]),
  lines: Type.Array(LineSchema),
  shipments: Type.Array(ShipmentSchema),
  unfulfilledLines: Type.Array(
    Type.Object({
      lineRef: Type.String(),
      sku: Type.String(),
      quantity: Type.Integer({ minimum: 1 }),
      reason: Type.String(),
    }),
  ),
});

const ReturnSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  reference: Type.String({ minLength: 1 }),
  lines: Type.Array(
    Type.Object({
      sku: Type.String({ minLength: 1 }),
      quantity: Type.Integer({ minimum: 1 }),
      condition: Type.String(),
    }),
  ),
  receivedAt: Type.String(),
});

const Base = {
  id: Type.String({ minLength: 1, maxLength: 200 }),
  createdAt: Type.String({ minLength: 1 }),
  warehouse: Type.String({ minLength: 1 }),
  sequence: Type.Integer({ minimum: 1 }),
};

export const WmsEventSchema = Type.Union([
  Type.Object({
    ...Base,
    type: Type.Union([
      Type.Literal('fulfilment.picking'),
      Type.Literal('fulfilment.packed'),
      Type.Literal('fulfilment.shipped'),
      Type.Literal('fulfilment.cancelled'),
    ]),
    fulfilment: FulfilmentSnapshotSchema,
  }),
  Type.Object({
    ...Base,
    type: Type.Literal('fulfilment.exception'),
    fulfilment: FulfilmentSnapshotSchema,
    exception: Type.Object({ code: Type.String(), lines: Type.Array(LineSchema, { minItems: 1 }) }),
  }),
  Type.Object({ ...Base, type: Type.Literal('return.received'), return: ReturnSchema }),
]);
export type WmsEvent = Static<typeof WmsEventSchema>;
export type WmsFulfilmentEvent = Extract<WmsEvent, { fulfilment: unknown }>;
export type WmsFulfilmentSnapshot = WmsFulfilmentEvent['fulfilment'];

const validator = Compile(WmsEventSchema);

export type ParsedWmsEvent =
  { ok: true; event: WmsEvent } | { ok: false; errors: { path: string; message: string }[] };

export function parseWmsEvent(rawBody: string): ParsedWmsEvent {
  let value: unknown;
  try {
    value = JSON.parse(rawBody);
  } catch {
    return { ok: false, errors: [{ path: '/', message: 'body is not valid JSON' }] };
  }
  if (validator.Check(value)) return { ok: true, event: value };
  const errors = [...validator.Errors(value)]
    .slice(0, 20)
    .map((e) => ({ path: e.instancePath || '/', message: e.message }));
  return { ok: false, errors };
}
