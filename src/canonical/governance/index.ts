/**
 * Schema governance: publish the canonical schemas as JSON Schema files and gate breaking changes.
 * Kept out of the main barrel because it touches the file system.
 *
 * @example
 * ```ts
 * import { exportSchemas, checkCompatibility } from '../canonical/governance/index.js';
 * await exportSchemas('./schemas');
 * (await checkCompatibility('./schemas')).ok; // true
 * ```
 */
export * from './compare-schemas.js';
export * from './published-schemas.js';
export * from './export-schemas.js';
export * from './check-compatibility.js';
