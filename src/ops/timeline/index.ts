/**
 * The order timeline: every state change, message and external effect per order, recorded in the
 * same transaction as the change it describes, and served over HTTP and the CLI.
 *
 * @example
 * ```ts
 * import { recordTimelineEntry, readOrderTimeline, timelineRoutes } from './ops/timeline/index.js';
 * ```
 */
export {
  recordTimelineEntry,
  recordTimelineEntries,
  type TimelineEntryInput,
  type TimelineKind,
} from './record-entry.js';
export { readTimelineEntries, type TimelineEntry } from './read-timeline.js';
export { readOrderTimeline, type OrderTimeline } from './order-timeline.js';
export { timelineRoutes, type TimelineRoutesOptions } from './routes.js';
export { formatOrderTimeline } from './narrative.js';
export type { TimelineEntriesTable, TimelineTables } from './tables.js';
