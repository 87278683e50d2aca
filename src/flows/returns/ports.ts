/**
 * What the returns flow needs: the ERP's credit notes, the channel's refunds (the saga's
 * OrderChannelPort), and — optionally — a stock return in the ERP for restocked goods.
 */
import type { Logger } from 'pino';
import type { ErpPort } from '../../connectors/erp.js';
import type { OrderChannelPort } from '../order-to-cash/ports.js';

/** Receives returned goods back into the ERP's stock. No ERP adapter offers it yet. */
export interface StockReturnPort {
  returnStock(input: {
    erpOrderId: string;
    storeId: string;
    orderId: string;
    lines: { sku: string; quantity: number }[];
    reference: string;
  }): Promise<{ id: string }>;
}

export interface ReturnsDeps {
  erp: Pick<ErpPort, 'system' | 'createCreditNote'>;
  woo: (storeId: string) => OrderChannelPort;
  stockReturns?: StockReturnPort;
  log: Logger;
  clock?: () => Date;
}
