/**
 * The runtime's tables, merged into `Database` in `src/store/schema.ts`. Times the dispatcher
 * compares (`available_at`, leases) are epoch milliseconds; times people read are ISO text.
 * JSON is stored as text on both dialects.
 */
import type { Generated } from 'kysely';

export interface EventsTable {
  id: string;
  type: string;
  version: number;
  source: string;
  subject: string;
  partition_key: string;
  correlation_id: string;
  causation_id: string | null;
  occurred_at: string;
  data: string;
  recorded_at: string;
}

export type DeliveryStatus = 'pending' | 'processing' | 'done' | 'dead' | 'parked';

export interface DeliveriesTable {
  /** Global, monotonic: the order of deliveries within one (consumer, partition_key). */
  seq: Generated<number>;
  event_id: string;
  consumer: string;
  partition_key: string;
  status: DeliveryStatus;
  attempts: number;
  available_at: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  first_attempt_at: number | null;
  last_attempt_at: number | null;
  /** JSON `{ kind, code, message }` of the last failure, or the parking reason. */
  last_error: string | null;
  /** 1 once the handler's first transaction committed the ack; the delivery is done when it returns. */
  acked: Generated<number>;
}

export interface InboxTable {
  id: string;
  source: string;
  dedupe_key: string;
  type: string;
  partition_key: string;
  subject: string;
  headers: string;
  body: string;
  /** `accepted`, or `stale` when the version rule refused it (kept for the record, not processed). */
  status: string;
  received_at: string;
}

export interface ResourceVersionsTable {
  key: string;
  version: string;
  /** Tags of the states accepted at `version`, space-separated, newest last (bounded). */
  tags: Generated<string>;
  updated_at: string;
}

/** Inbound requests refused before the inbox, kept for an operator (see `dead-letters/rejected-messages.ts`). */
export interface RejectedMessagesTable {
  id: string;
  /** Which endpoint refused it: `woocommerce`. */
  ingress: string;
  /** What it was addressed to, as sent (a store id, possibly unknown). */
  target: string;
  reason: string;
  detail: string;
  /** JSON of the headers kept (no credentials). */
  headers: string;
  body_base64: string;
  body_bytes: number;
  /** 1 when only the first `maxBodyBytes` were kept (then it cannot be replayed). */
  truncated: number;
  correlation_id: string;
  received_at: string;
  replayed_at: string | null;
  /** What the last replay answered, e.g. `accepted` or `signature_invalid`. */
  replay_result: string | null;
}

export interface DeadLettersTable {
  id: string;
  delivery_seq: number;
  event_id: string;
  consumer: string;
  type: string;
  partition_key: string;
  /** The whole envelope as JSON. */
  message: string;
  error_kind: string;
  error_code: string;
  error_message: string;
  error_stack: string | null;
  attempts: number;
  first_attempt_at: string;
  last_attempt_at: string;
  created_at: string;
  replayed_at: string | null;
}

export interface EffectsTable {
  key: string;
  status: 'started' | 'completed';
  result: string | null;
  started_at: string;
  completed_at: string | null;
}

export interface CursorsTable {
  name: string;
  value: string;
  updated_at: string;
}

export interface RuntimeTables {
  events: EventsTable;
  deliveries: DeliveriesTable;
  inbox: InboxTable;
  resource_versions: ResourceVersionsTable;
  dead_letters: DeadLettersTable;
  rejected_messages: RejectedMessagesTable;
  effects: EffectsTable;
  cursors: CursorsTable;
}
