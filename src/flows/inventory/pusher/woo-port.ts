/**
 * The slice of the WooCommerce client the pusher and reconcile use: reads and batch writes. A
 * flow gets it from the composition root (`connectors.woo(storeId)`), never builds one.
 */
import type { BatchRequest, BatchResult } from '../../../connectors/woocommerce/batch.js';
import type { WooPage } from '../../../connectors/woocommerce/pagination.js';
import type { WooQuery } from '../../../connectors/woocommerce/types.js';

export interface WooStockPort {
  get<T>(resource: string, query?: WooQuery): Promise<T>;
  list<T>(resource: string, params?: WooQuery): AsyncGenerator<WooPage<T>>;
  batch<T, C = unknown, U = unknown>(resource: string, request: BatchRequest<C, U>): Promise<BatchResult<T>>;
}

/** A product or variation as `GET /products?sku=` and the variation lists return it (fields used). */
export interface WooSellable {
  id: number;
  sku: string;
  type?: string;
  parent_id?: number;
  manage_stock?: boolean | 'parent';
  stock_quantity?: number | null;
  variations?: number[];
}
