/**
 * Brings the ERP order's lines to what the hub still sells: the channel order less the units it
 * cancelled and refunded (`erpOrderOf`). Odoo reduces a confirmed line before delivery and
 * releases its reservation; its refusal (already delivered, locked) is a BusinessError the caller
 * parks on. Runs once per `key` through the effect ledger.
 *
 * @example
 * ```ts
 * const synced = await syncErpLines(saga, io, `erp:cancel-lines:${reference}`);
 * if (!synced.ok) return parkOutcome(saga, 'cancel-line', synced.error.code, synced.error.message, now);
 * ```
 */
import { BusinessError } from '../../../runtime/errors.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import { erpOrderOf } from '../erp-order.js';
import type { SagaOrder } from '../saga-state.js';
import { registerOptions } from '../steps/register.js';

export type ErpLinesSynced =
  { ok: true; saga: SagaOrder; timeline: StepOutcome['timeline'] } | { ok: false; error: BusinessError };

export async function syncErpLines(saga: SagaOrder, io: StepIO, key: string): Promise<ErpLinesSynced> {
  const erp = saga.erp;
  if (erp === undefined) return { ok: true, saga, timeline: [] };
  const target = erpOrderOf(saga.order, saga.routing?.cancelledLines ?? []);
  try {
    const updated = await io.effects.run(key, {
      perform: () => io.deps.erp.updateOrder(erp.id, target, registerOptions(saga, io)),
    });
    return {
      ok: true,
      saga: { ...saga, amounts: { ...saga.amounts, erpTotal: updated.amountTotal } },
      timeline: [
        {
          kind: 'effect',
          system: io.deps.erp.system,
          summary: `ERP order ${erp.name} lines updated to what is still sold (total ${updated.amountTotal} ${target.currency})`,
        },
      ],
    };
  } catch (error) {
    if (error instanceof BusinessError) return { ok: false, error };
    throw error;
  }
}
