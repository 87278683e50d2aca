/**
 * The published files are plain JSON Schema 2020-12 that a consumer without TypeBox can use:
 * every file compiles in Ajv, and full event envelopes built from the examples validate.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { eventCatalogue, eventTypes } from '../../src/canonical/index.js';
import { publishedSchemas } from '../../src/canonical/governance/index.js';
import { invalidExamples, validExamples } from './fixtures/event-examples.js';
import { order727 } from './fixtures/orders.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const schema of publishedSchemas()) {
  ajv.addSchema(
    JSON.parse(readFileSync(new URL(`../../schemas/${schema.path}`, import.meta.url), 'utf8')) as object,
  );
}
const validatorFor = (path: string) => {
  const validate = ajv.getSchema(`https://retail-hub.dev/schemas/${path}`);
  if (validate === undefined) throw new Error(`${path} not loaded`);
  return validate;
};

const envelope = (type: string, data: unknown) => ({
  id: '01JD2Z4W5X6Y7Z8A9B0C1D2E3F',
  type,
  version: 1,
  source: 'hub',
  subject: 'order:eu:1001',
  partitionKey: 'orders.eu.1001',
  correlationId: 'corr-1',
  occurredAt: '2026-11-23T15:00:00Z',
  data,
});

describe('published JSON Schemas in Ajv (draft 2020-12)', () => {
  it('the order model accepts the canonical order 727', () => {
    expect(validatorFor('models/order/v1.json')(order727())).toBe(true);
  });

  for (const type of eventTypes) {
    it(`events/${type}/v${eventCatalogue[type].version}.json accepts the valid envelope and rejects the invalid one`, () => {
      const validate = validatorFor(`events/${type}/v${eventCatalogue[type].version}.json`);
      expect(validate(envelope(type, validExamples[type])), JSON.stringify(validate.errors)).toBe(true);
      expect(validate(envelope(type, invalidExamples[type].data))).toBe(false);
      expect(validate(envelope('order.other', validExamples[type]))).toBe(false);
    });
  }
});
