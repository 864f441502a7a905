/** Number formatting for plain-language feature summaries; fixed locale so server and browser agree. */

export function formatAmount(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatMultiple(value: number): string {
  const digits = value >= 10 ? 0 : 1;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: digits })}×`;
}

export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  return `${value.toLocaleString("en-US")} ${value === 1 ? singular : plural}`;
}

export function formatAge(days: number): string {
  if (days < 1) return "less than a day";
  if (days < 60) return formatCount(Math.floor(days), "day");
  if (days < 730) return formatCount(Math.floor(days / 30.44), "month");
  return formatCount(Math.floor(days / 365.25), "year");
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
}

export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
