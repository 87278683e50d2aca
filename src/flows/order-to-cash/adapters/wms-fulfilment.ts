/**
 * The WMS connector's client as the saga's FulfilmentPort: the fulfilment reference doubles as
 * the Idempotency-Key; "too late to cancel" (already shipped) is an answer, not an error.
 *
 * @example
 * ```ts
 * const port = wmsFulfilment(createWmsClient({ warehouseId: 'main', baseUrl: wms.url, apiKey: wms.apiKey }));
 * await port.createFulfilment({ reference: 'WC-eu-1/main/1', location: 'main', lines, shipTo });
 * ```
 */
import {
  toWmsFulfilmentBody,
  type WmsClient,
  type WmsFulfilmentOrder,
} from '../../../connectors/wms/index.js';
import { HubError } from '../../../runtime/errors.js';
import type { FulfilmentOrderRef, FulfilmentPort } from '../ports.js';

const ref = (order: WmsFulfilmentOrder): FulfilmentOrderRef => ({
  id: order.id,
  reference: order.reference,
  status: order.status,
});

export function wmsFulfilment(client: WmsClient): FulfilmentPort {
  return {
    createFulfilment: async (request) =>
      ref(await client.createFulfilment(toWmsFulfilmentBody(request), request.reference)),
    async findFulfilment(reference) {
      const found = (await client.findByReference(reference)).find((order) => order.status !== 'cancelled');
      return found === undefined ? undefined : ref(found);
    },
    async cancelFulfilment(id) {
      try {
        await client.cancelFulfilment(id);
        return true;
      } catch (error) {
        if (error instanceof HubError && error.code === 'already_shipped') return false;
        throw error;
      }
    },
  };
}
