import { describe, expect, it } from 'vitest';
import {
  EventEnvelopeSchema,
  eventCatalogue,
  eventTypes,
  makeEvent,
  orderPartitionKey,
  orderSubject,
  validateEvent,
  validateSchema,
} from '../../src/canonical/index.js';
import { invalidExamples, validExamples } from './fixtures/event-examples.js';

describe('event catalogue', () => {
  it('has the events the flows use', () => {
    expect(eventTypes).toEqual(
      expect.arrayContaining([
        'order.received',
        'order.validated',
        'order.payment_pending',
        'order.routed',
        'order.registered',
        'stock.reserved',
        'stock.released',
        'fulfilment.requested',
        'fulfilment.failed',
        'fulfilment.progressed',
        'return.received',
        'shipment.confirmed',
        'order.completed',
        'order.cancelled',
        'order.updated',
        'order.parked',
        'refund.requested',
        'refund.posted',
        'invoice.posted',
        'payment.settled',
        'stock.changed',
        'availability.changed',
        'price.changed',
        'product.changed',
        'customer.changed',
      ]),
    );
  });

  for (const type of eventTypes) {
    it(`${type}: accepts the valid example and rejects the invalid one at its path`, () => {
      const { version } = eventCatalogue[type];
      expect(validateEvent(type, version, validExamples[type])).toEqual({
        ok: true,
        value: validExamples[type],
      });
      const invalid = invalidExamples[type];
      const result = validateEvent(type, version, invalid.data);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues.length).toBeGreaterThan(0);
        expect(result.issues.every((i) => i.code === 'invalid_data')).toBe(true);
        expect(result.issues.map((i) => i.path)).toContain(invalid.path);
      }
    });
  }

  it('reports unknown types and versions with typed issues', () => {
    expect(validateEvent('order.exploded', 1, {})).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'unknown_event_type', path: '' })],
    });
    expect(validateEvent('order.completed', 7, validExamples['order.completed'])).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'unknown_event_version' })],
    });
  });
});

describe('makeEvent', () => {
  it('builds an EventInput with the catalogue version that passes the envelope schema once the runtime fills it', () => {
    const event = makeEvent(
      'order.completed',
      orderSubject('eu', 1001),
      orderPartitionKey('eu', 1001),
      validExamples['order.completed'],
      {
        correlationId: 'corr-1',
        causationId: undefined,
      },
    );
    expect(event).toEqual({
      type: 'order.completed',
      version: 1,
      subject: 'order:eu:1001',
      partitionKey: 'orders.eu.1001',
      data: validExamples['order.completed'],
      correlationId: 'corr-1',
    });
    const stored = {
      ...event,
      id: '01JD2Z4W5X6Y7Z8A9B0C1D2E3F',
      source: 'hub',
      occurredAt: '2026-11-23T15:00:00Z',
    };
    expect(validateSchema(EventEnvelopeSchema, stored)).toMatchObject({ ok: true });
  });

  it('refuses invalid data with a PermanentError naming the path', () => {
    const bad = invalidExamples['order.completed'].data as never;
    expect(() => makeEvent('order.completed', 's', 'p', bad)).toThrow(
      expect.objectContaining({
        code: 'invalid_event',
        kind: 'permanent',
        message: expect.stringContaining('/completedAt'),
      }),
    );
    expect(() => makeEvent('order.completed', 's', 'p', bad, { trusted: true })).not.toThrow();
  });

  it('envelope ids must be ULIDs', () => {
    const envelope = {
      id: 'not-a-ulid',
      type: 'order.completed',
      version: 1,
      source: 'hub',
      subject: 's',
      partitionKey: 'p',
      correlationId: 'c',
      occurredAt: '2026-11-23T15:00:00Z',
      data: {},
    };
    const result = validateSchema(EventEnvelopeSchema, envelope);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('/id');
  });
});
