import { describe, expect, it } from 'vitest';
import {
  customerPartitionKey,
  customerSubject,
  orderPartitionKey,
  orderSubject,
  parseOrderSubject,
  skuPartitionKey,
  skuSubject,
} from './ids.js';

describe('subject and partition keys', () => {
  it('builds the documented forms', () => {
    expect(orderSubject('eu', 727)).toBe('order:eu:727');
    expect(orderPartitionKey('eu', '727')).toBe('orders.eu.727');
    expect(skuSubject('TSHIRT-RED-M')).toBe('sku:TSHIRT-RED-M');
    expect(customerSubject('John.Doe@Example.com')).toBe('customer:john.doe@example.com');
  });

  it('keeps partition keys valid NATS subjects: one token per key, no wildcards or spaces', () => {
    for (const key of [skuPartitionKey('A.B *>C'), customerPartitionKey('a.b@c.d')]) {
      const tokens = key.split('.');
      expect(tokens).toHaveLength(2);
      expect(key).not.toMatch(/[\s*>]/);
    }
    expect(skuPartitionKey('A.B')).not.toBe(skuPartitionKey('A-B'));
  });

  it('parses order subjects back and rejects others', () => {
    expect(parseOrderSubject(orderSubject('us-east', 'A-1'))).toEqual({ storeId: 'us-east', orderId: 'A-1' });
    expect(parseOrderSubject('sku:X')).toBeUndefined();
  });
});
