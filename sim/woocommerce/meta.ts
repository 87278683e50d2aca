/** `meta_data` writes: upsert by `id` when given, else by `key`; a null value deletes. */
import type { StoreContext } from './context.js';
import type { Json, WcMeta } from './types.js';

export function applyMeta(ctx: StoreContext, target: WcMeta[], input: Record<string, unknown>[]): void {
  for (const entry of input) {
    if (typeof entry !== 'object' || entry === null) continue;
    const key = typeof entry.key === 'string' ? entry.key : undefined;
    const byId = entry.id !== undefined ? target.findIndex((m) => m.id === Number(entry.id)) : -1;
    const index = byId >= 0 ? byId : key === undefined ? -1 : target.findIndex((m) => m.key === key);
    if (entry.value === null && index >= 0) {
      target.splice(index, 1);
    } else if (index >= 0) {
      const existing = target[index] as WcMeta;
      existing.value = (entry.value ?? '') as Json;
      if (key !== undefined) existing.key = key;
    } else if (key !== undefined) {
      target.push({ id: ctx.state.next('meta'), key, value: (entry.value ?? '') as Json });
    }
  }
}
