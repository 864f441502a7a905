/**
 * Where SageMaker data capture lives (SAGEMAKER.md "Data capture"): JSON lines under
 * `<DestinationS3Uri>/<EndpointName>/<VariantName>/<yyyy>/<mm>/<dd>/<hh>/<file>.jsonl`, the hour
 * folder being the UTC hour of the invocation. Pure functions: key parsing and the prefixes that
 * cover a window, so listing never walks hours outside it.
 */

/** The key prefix our deployments give DataCaptureConfig.DestinationS3Uri in the capture bucket. */
export const CAPTURE_PREFIX = "datacapture";

export interface CaptureDestination {
  bucket: string;
  /** Key prefix without a trailing slash; "" when capture goes to the bucket's root. */
  prefix: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function parseDestination(uri: string): CaptureDestination | null {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return match ? { bucket: match[1]!, prefix: match[2]!.replace(/\/+$/, "") } : null;
}

/** `<prefix>/<endpoint>/`: the folder whose sub-folders are the endpoint's variants. */
export function endpointFolder(destination: CaptureDestination, endpointName: string): string {
  return `${destination.prefix ? `${destination.prefix}/` : ""}${endpointName}/`;
}

const pad = (n: number) => String(n).padStart(2, "0");

function dayPath(t: Date): string {
  return `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}/`;
}

function hourPath(t: Date): string {
  return `${dayPath(t)}${pad(t.getUTCHours())}/`;
}

/**
 * The date folders (relative to a variant folder) that hold every record of [from, to): a day
 * folder for each UTC day wholly inside the window, hour folders for the partial days at its ends.
 * A month's window is ~30 day listings, an hour's one hour listing.
 */
export function windowFolders(from: Date, to: Date): string[] {
  const folders: string[] = [];
  let t = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS;
  const end = to.getTime();
  while (t < end) {
    if (t % DAY_MS === 0 && t + DAY_MS <= end) {
      folders.push(dayPath(new Date(t)));
      t += DAY_MS;
    } else {
      folders.push(hourPath(new Date(t)));
      t += HOUR_MS;
    }
  }
  return folders;
}

/** The variant and hour of a capture object's key under `endpointFolder`; null for anything else. */
export function parseCaptureKey(folder: string, key: string): { variant: string; hour: Date } | null {
  if (!key.startsWith(folder)) return null;
  const match = /^([^/]+)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\/[^/]+\.jsonl$/.exec(key.slice(folder.length));
  if (!match) return null;
  const [, variant, y, m, d, h] = match;
  return { variant: variant!, hour: new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(h))) };
}
