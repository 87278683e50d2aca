/**
 * One inventory world per test file: started before its tests, stopped after them.
 *
 * @example
 * ```ts
 * const world = useInventoryWorld();
 * it('…', async () => { await world().waitFor(…); });
 * ```
 */
import { afterAll, beforeAll } from 'vitest';
import { startInventoryWorld, type InventoryWorld } from './world.js';

export function useInventoryWorld(): () => InventoryWorld {
  let world: InventoryWorld | undefined;
  beforeAll(async () => {
    world = await startInventoryWorld();
  }, 30_000);
  afterAll(async () => {
    await world?.stop();
  });
  return () => {
    if (!world) throw new Error('the inventory world has not started');
    return world;
  };
}
