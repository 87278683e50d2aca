/**
 * Fault knobs: validated partial updates (TypeBox), a seeded PRNG so runs can be replayed, and the
 * per-request decision (latency, a 429 burst or rate with Retry-After, a 5xx rate).
 */
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { WcError } from './errors.js';
import { DEFAULT_FAULTS, type Faults } from './types.js';

const Fraction = Type.Number({ minimum: 0, maximum: 1 });
const NonNegative = Type.Number({ minimum: 0 });
export const FaultsPatchSchema = Type.Object(
  {
    latencyMs: Type.Optional(NonNegative),
    rate429: Type.Optional(Fraction),
    retryAfterSeconds: Type.Optional(NonNegative),
    burst429: Type.Optional(Type.Integer({ minimum: 0 })),
    rate5xx: Type.Optional(Fraction),
    dropWebhookRate: Type.Optional(Fraction),
    duplicateWebhookRate: Type.Optional(Fraction),
    reorderWebhooks: Type.Optional(Type.Boolean()),
    webhookDelayMs: Type.Optional(NonNegative),
  },
  { additionalProperties: false },
);
const checker = Compile(FaultsPatchSchema);

export { seededRandom } from '../wms/random.js';

export function validateFaults(patch: unknown): Partial<Faults> {
  if (!checker.Check(patch)) {
    const problems = [...checker.Errors(patch)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new WcError(400, 'invalid_faults', `Invalid fault settings: ${problems.join('; ')}`, {
      errors: problems,
    });
  }
  return patch as Partial<Faults>;
}

export type FaultDecision = { kind: 'pass' } | { kind: '429'; retryAfter: number } | { kind: '5xx' };

export class FaultState {
  private current: Faults;

  constructor(
    initial: Partial<Faults>,
    readonly random: () => number,
  ) {
    this.current = { ...DEFAULT_FAULTS, ...validateFaults(initial) };
  }

  get(): Faults {
    return { ...this.current };
  }

  set(patch: Partial<Faults>): Faults {
    this.current = { ...this.current, ...validateFaults(patch) };
    return this.get();
  }

  /** Decides the fate of one REST request (consumes one unit of a 429 burst). */
  decide(): FaultDecision {
    const f = this.current;
    if (f.burst429 > 0) {
      this.current = { ...f, burst429: f.burst429 - 1 };
      return { kind: '429', retryAfter: f.retryAfterSeconds };
    }
    if (f.rate429 > 0 && this.random() < f.rate429) return { kind: '429', retryAfter: f.retryAfterSeconds };
    if (f.rate5xx > 0 && this.random() < f.rate5xx) return { kind: '5xx' };
    return { kind: 'pass' };
  }
}
