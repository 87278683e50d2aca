/**
 * Request bodies the emulator accepts, validated like a real WMS API validates them: a bad body is
 * refused with every problem listed by its JSON pointer.
 */
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

const ShipToSchema = Type.Object({
  name: Text(120),
  company: Type.Optional(Type.String({ maxLength: 120 })),
  address1: Text(200),
  address2: Type.Optional(Type.String({ maxLength: 200 })),
  city: Text(120),
  postcode: Type.String({ maxLength: 20 }),
  region: Type.Optional(Type.String({ maxLength: 120 })),
  country: Type.String({ pattern: '^[A-Z]{2}$' }),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  phone: Type.Optional(Type.String({ maxLength: 50 })),
});

export const CreateFulfilmentSchema = Type.Object({
  reference: Text(100),
  warehouse: Text(64),
  lines: Type.Array(
    Type.Object({
      lineRef: Text(64),
      sku: Text(100),
      quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    }),
    { minItems: 1, maxItems: 500 },
  ),
  shipTo: ShipToSchema,
  carrierHint: Type.Optional(Text(40)),
});
export type CreateFulfilmentBody = Static<typeof CreateFulfilmentSchema>;

export const CreateReturnSchema = Type.Object({
  reference: Text(100),
  lines: Type.Array(
    Type.Object({
      sku: Text(100),
      quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
      condition: Type.Union([
        Type.Literal('sellable'),
        Type.Literal('damaged'),
        Type.Literal('opened'),
        Type.Literal('missing_parts'),
      ]),
    }),
    { minItems: 1, maxItems: 500 },
  ),
});
export type CreateReturnBody = Static<typeof CreateReturnSchema>;

export const FaultsPatchSchema = Type.Partial(
  Type.Object({
    unpickableSkus: Type.Array(Type.String()),
    delayMs: Type.Integer({ minimum: 0, maximum: 60_000 }),
    duplicateEventRate: Type.Number({ minimum: 0, maximum: 1 }),
    reorderEvents: Type.Boolean(),
    rate5xx: Type.Number({ minimum: 0, maximum: 1 }),
    rate429: Type.Number({ minimum: 0, maximum: 1 }),
    retryAfterSeconds: Type.Integer({ minimum: 0, maximum: 3600 }),
  }),
);

export const createFulfilmentValidator = Compile(CreateFulfilmentSchema);
export const createReturnValidator = Compile(CreateReturnSchema);
export const faultsPatchValidator = Compile(FaultsPatchSchema);

export interface FieldProblem {
  path: string;
  message: string;
}

/** Validates `value`, returning the typed value or the list of problems. */
export function check<T>(
  validator: {
    Check(value: unknown): boolean;
    Errors(value: unknown): Iterable<{ instancePath: string; message: string }>;
  },
  value: unknown,
): { ok: true; value: T } | { ok: false; errors: FieldProblem[] } {
  if (validator.Check(value)) return { ok: true, value: value as T };
  const errors = [...validator.Errors(value)].map((e) => ({
    path: e.instancePath || '/',
    message: e.message,
  }));
  return { ok: false, errors };
}
