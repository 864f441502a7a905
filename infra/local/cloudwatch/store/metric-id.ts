/** A metric is its namespace, name and exact set of dimensions (order-free: we keep them sorted by name). */
export interface Dimension {
  Name: string;
  Value: string;
}

export interface MetricIdentity {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
}

export function sortDimensions(dimensions: ReadonlyArray<Dimension>): Dimension[] {
  return [...dimensions].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0)).map(({ Name, Value }) => ({ Name, Value }));
}

export function metricIdentity(namespace: string, metricName: string, dimensions: ReadonlyArray<Dimension> = []): MetricIdentity {
  return { namespace, metricName, dimensions: sortDimensions(dimensions) };
}

/** Stable map key; two identities with the same dimension set (in any order) share it. */
export function metricKey(id: MetricIdentity): string {
  return JSON.stringify([id.namespace, id.metricName, ...id.dimensions.flatMap((d) => [d.Name, d.Value])]);
}

/** ListMetrics semantics: every filter dimension must be present; a filter without Value matches any value. */
export function matchesDimensionFilter(id: MetricIdentity, filters: ReadonlyArray<{ Name: string; Value?: string | undefined }>): boolean {
  return filters.every((f) => id.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value)));
}
