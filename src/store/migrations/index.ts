/**
 * Every migration, in order. One set serves SQLite and PostgreSQL. Number ranges per module keep
 * parallel work from colliding: 0001–0099 runtime/store, 0100 woocommerce, 0200 odoo/erp,
 * 0300 order-to-cash/oms/timeline, 0400 inventory/catalogue.
 */
import type { Migration } from 'kysely';

export const migrations: Record<string, Migration> = {
  // 'NNNN-verb-thing': await import('./NNNN-verb-thing.js') — add one line per migration, keep sorted.
  '0001-create-runtime-tables': await import('./0001-create-runtime-tables.js'),
  '0002-add-delivery-acked': await import('./0002-add-delivery-acked.js'),
  '0003-add-resource-version-tags': await import('./0003-add-resource-version-tags.js'),
  '0004-create-rejected-messages': await import('./0004-create-rejected-messages.js'),
  '0100-create-woocommerce-tables': await import('./0100-create-woocommerce-tables.js'),
  '0101-create-woo-catalogue-seen': await import('./0101-create-woo-catalogue-seen.js'),
  '0300-create-saga-orders': await import('./0300-create-saga-orders.js'),
  '0301-create-timeline-entries': await import('./0301-create-timeline-entries.js'),
  '0302-create-reservations': await import('./0302-create-reservations.js'),
  '0400-create-inventory-tables': await import('./0400-create-inventory-tables.js'),
  '0401-create-catalogue-tables': await import('./0401-create-catalogue-tables.js'),
  '0402-create-checkout-holds': await import('./0402-create-checkout-holds.js'),
  '0403-add-checkout-hold-basket': await import('./0403-add-checkout-hold-basket.js'),
};
