/**
 * The WMS / carrier emulator's public surface.
 *
 * @example
 * ```ts
 * import { startWmsEmulator } from '../../sim/wms/index.js';
 * const wms = await startWmsEmulator({ warehouseId: 'main', webhookSecret: 'secret' });
 * console.log(wms.url);
 * await wms.close();
 * ```
 */
export { startWmsEmulator, DEFAULT_FAULTS, type WmsEmulator, type WmsEmulatorOptions } from './emulator.js';
export { signWebhook } from './webhook-sender.js';
export type * from './types.js';
