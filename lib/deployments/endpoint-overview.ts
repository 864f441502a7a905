/** What the console shows of a tenant's endpoint (Endpoints page, GET /api/endpoints). */
export interface VariantOverview {
  variantName: string;
  /** From the endpoint config; null when the config can no longer be read. */
  modelName: string | null;
  instanceType: string | null;
  currentWeight: number;
  desiredWeight: number | null;
  /** currentWeight / sum of current weights, 0..1. */
  trafficShare: number;
  currentInstanceCount: number | null;
  status: string | null;
}

export interface EndpointOverview {
  endpointName: string;
  endpointConfigName: string;
  status: string;
  failureReason: string | null;
  createdAt: string | null;
  lastModifiedAt: string | null;
  dataCaptureEnabled: boolean;
  variants: VariantOverview[];
}

export type EndpointLookup = { found: true; endpoint: EndpointOverview } | { found: false; endpointName: string };
