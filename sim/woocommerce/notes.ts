/** Order notes (WordPress comments of type `order_note`): system notes and the REST shape. */
import type { StoreContext } from './context.js';
import { link, restUrl } from './context.js';
import type { WcNote } from './types.js';

export function addNote(
  ctx: StoreContext,
  orderId: number,
  note: string,
  customerNote: boolean,
  author = 'system',
): WcNote {
  const now = ctx.now();
  const entry: WcNote = {
    id: ctx.state.next('comment'),
    author,
    date_created: now.local,
    date_created_gmt: now.gmt,
    note,
    customer_note: customerNote,
  };
  ctx.state.notesOf(orderId).push(entry);
  return entry;
}

export const addSystemNote = (ctx: StoreContext, orderId: number, note: string): WcNote =>
  addNote(ctx, orderId, note, false);

export function noteResponse(ctx: StoreContext, orderId: number, note: WcNote): Record<string, unknown> {
  return {
    ...note,
    _links: {
      self: link(restUrl(ctx, `/wc/v3/orders/${orderId}/notes/${note.id}`)),
      collection: link(restUrl(ctx, `/wc/v3/orders/${orderId}/notes`)),
      up: link(restUrl(ctx, `/wc/v3/orders/${orderId}`)),
    },
  };
}
