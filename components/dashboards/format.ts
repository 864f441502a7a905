/** Number formats of the dashboards: fixed locale, so server and browser render the same text. */
const integer = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

export const formatCount = (n: number) => (Math.abs(n) >= 10_000 ? compact.format(n) : integer.format(n));
export const formatShare = (share: number) => `${(share * 100).toFixed(share !== 0 && Math.abs(share) < 0.01 ? 2 : 1)}%`;
export const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms >= 10 ? ms.toFixed(0) : ms.toFixed(1)} ms`);

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} d`;
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency,
    notation: amount >= 100_000 ? "compact" : "standard",
    maximumFractionDigits: 0,
  }).format(amount);
}

/** The decisions' colours everywhere in the console's charts. */
export const DECISION_COLORS = { LEGIT: "var(--chart-4)", REVIEW: "var(--chart-3)", SUSPICIOUS: "var(--chart-5)" } as const;
export const PALETTE = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"] as const;
