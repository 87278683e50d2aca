/**
 * Inputs and outputs of order routing. Quantities are whole units; costs are decimal strings in the
 * retailer's base currency (exact, never floats).
 */
export interface RouteLine {
  lineRef: string;
  sku: string;
  quantity: number;
}

export interface RouteInput {
  /** The order's key, e.g. `order:eu:727`; only used in reasons and for reproducible ties. */
  orderKey: string;
  /** The store the order came from; locations with `serves` only take their stores' orders. */
  storeId?: string;
  storeRegion?: string;
  lines: RouteLine[];
}

export interface CandidateLocation {
  id: string;
  kind: 'warehouse' | 'dropship';
  regions?: string[];
  /** Lower is tried first. */
  priority: number;
  costPerShipment?: string;
  costPerUnit?: string;
  /** Store ids this location ships for; absent means every store. */
  serves?: string[];
  /** Units available to promise per SKU. */
  available: Record<string, number>;
}

export interface Candidates {
  locations: CandidateLocation[];
}

export interface Allocation {
  locationId: string;
  quantity: number;
}

export interface LineDecision {
  lineRef: string;
  sku: string;
  quantity: number;
  /** The location shipping most of the line; null when nothing ships. */
  chosen: string | null;
  allocations: Allocation[];
  backordered: number;
  cancelled: number;
  /** Human-readable, for the order timeline. */
  reasons: string[];
  rejected: { locationId: string; reason: string }[];
}

export interface FulfilmentPlan {
  locationId: string;
  kind: 'warehouse' | 'dropship';
  lines: RouteLine[];
}

export interface RoutingResult {
  fulfilments: FulfilmentPlan[];
  backorders: RouteLine[];
  /** Units dropped under the `cancel-line` policy (to be refunded). */
  cancelled: RouteLine[];
  decisions: LineDecision[];
}
