/** The order timeline's table: every state change, message and external effect about a subject. */
export interface TimelineEntriesTable {
  id: string;
  subject: string;
  /** ISO time. */
  at: string;
  /** `state`, `message`, `effect`, `error`, `parked`, `decision`. */
  kind: string;
  /** Which system it concerns: `hub`, `woocommerce:eu`, `odoo`, `wms:main`. */
  system: string;
  summary: string;
  /** JSON detail, or null. */
  data: string | null;
  correlation_id: string | null;
}

export interface TimelineTables {
  timeline_entries: TimelineEntriesTable;
}
