/**
 * Fault knobs of the emulator: added latency, a rate of injected server errors (what Odoo answers
 * when a transaction keeps failing to serialise), a rate of lost responses (the call commits, the
 * proxy times out: the case idempotency must survive) and a maintenance window (the proxy's 503
 * for every call). Settable at start, through `faults.set()` and via `POST /__control/faults`.
 */
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

export const FaultPatchSchema = Type.Object(
  {
    latencyMs: Type.Optional(Type.Number({ minimum: 0, maximum: 60_000 })),
    errorRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    lostResponseRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    maintenance: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type FaultPatch = Static<typeof FaultPatchSchema>;
export type FaultSettings = Required<FaultPatch>;

export const faultPatchValidator = Compile(FaultPatchSchema);

/** What to do with one incoming call, decided before it runs. */
export type FaultDecision = 'maintenance' | 'error' | 'lose-response' | 'ok';

export class Faults {
  private settings: FaultSettings;
  private readonly random: () => number;

  constructor(initial: FaultPatch = {}, random: () => number = Math.random) {
    this.settings = { latencyMs: 0, errorRate: 0, lostResponseRate: 0, maintenance: false, ...initial };
    this.random = random;
  }

  set(patch: FaultPatch): FaultSettings {
    if (!faultPatchValidator.Check(patch)) {
      const first = [...faultPatchValidator.Errors(patch)][0];
      throw new RangeError(
        `invalid fault settings: ${first ? `${first.instancePath || '/'} ${first.message}` : 'unknown'}`,
      );
    }
    this.settings = { ...this.settings, ...patch };
    return this.get();
  }

  get(): FaultSettings {
    return { ...this.settings };
  }

  decide(): FaultDecision {
    if (this.settings.maintenance) return 'maintenance';
    if (this.settings.errorRate > 0 && this.random() < this.settings.errorRate) return 'error';
    if (this.settings.lostResponseRate > 0 && this.random() < this.settings.lostResponseRate)
      return 'lose-response';
    return 'ok';
  }

  async delay(): Promise<void> {
    const ms = this.settings.latencyMs;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
