/**
 * Schema validation with typed, path-addressed errors. Compiled validators are cached per schema
 * object, so validating in a hot path costs one compiled function call.
 *
 * @example
 * ```ts
 * const result = validateSchema(MoneySchema, { currency: 'EUR', amount: 12.3 });
 * if (!result.ok) result.issues; // [{ code: 'invalid_data', path: '/amount', message: 'must be string', keyword: 'type' }]
 * ```
 */
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { PermanentError } from '../runtime/errors.js';

export type SchemaIssueCode = 'invalid_data' | 'unknown_event_type' | 'unknown_event_version';

export interface SchemaIssue {
  code: SchemaIssueCode;
  /** JSON Pointer into the validated value (`/order/lines/0/sku`); `''` for the value itself. */
  path: string;
  message: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `pattern`, …). */
  keyword?: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

const compiled = new WeakMap<TSchema, Validator>();

function validatorFor(schema: TSchema): Validator {
  let validator = compiled.get(schema);
  if (validator === undefined) {
    validator = Compile(schema) as unknown as Validator;
    compiled.set(schema, validator);
  }
  return validator;
}

export function validateSchema<S extends TSchema>(schema: S, value: unknown): ValidationResult<Static<S>> {
  const validator = validatorFor(schema);
  if (validator.Check(value)) return { ok: true, value: value as Static<S> };
  const issues = validator.Errors(value).map((error) => ({
    code: 'invalid_data' as const,
    path: error.instancePath,
    message: error.message,
    keyword: error.keyword,
  }));
  return { ok: false, issues };
}

/** One line per issue, for logs and problem+json `detail`: `/amount: must be string`. */
export function describeIssues(issues: readonly SchemaIssue[]): string {
  return issues.map((issue) => `${issue.path || '/'}: ${issue.message}`).join('; ');
}

/**
 * Validates or throws `PermanentError` (`code`, default `invalid_input`) listing every issue with
 * its path: for input crossing a process boundary that has no better answer than refusal.
 */
export function assertSchema<S extends TSchema>(
  schema: S,
  value: unknown,
  what: string,
  code = 'invalid_input',
): Static<S> {
  const result = validateSchema(schema, value);
  if (!result.ok) {
    throw new PermanentError(`invalid ${what}: ${describeIssues(result.issues)}`, {
      code,
      system: 'canonical',
      details: { issues: result.issues },
    });
  }
  return result.value;
}
