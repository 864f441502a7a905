/**
 * s3rver 3.7's filesystem store answers ListObjects with a Delimiter by not walking into the
 * directories beneath a common prefix — and so never sees the keys that would make them common
 * prefixes: `Prefix=a/, Delimiter=/` over `a/b/c.txt` answers neither the key nor `a/b/`. S3 rolls
 * "keys that contain the same string between the prefix and the first occurrence of the delimiter"
 * up into CommonPrefixes, each counting once against MaxKeys (ListObjectsV2 API reference). This
 * wraps the store's listObjects: the keys are listed without the delimiter and rolled up here.
 * (A page truncated right after a common prefix still has no continuation token: s3rver makes the
 * token from the last key. Our listings of variants never come near MaxKeys.)
 */
interface StoredObject {
  key: string;
}

interface ListOptions {
  delimiter?: string;
  prefix?: string;
  maxKeys?: number;
  startAfter?: string;
}

interface ListResult<T> {
  objects: T[];
  commonPrefixes: string[];
  isTruncated: boolean;
}

export interface ListingStore<T extends StoredObject> {
  listObjects(bucket: string, options: ListOptions): Promise<ListResult<T>>;
}

export function rollUpCommonPrefixes<T extends StoredObject>(objects: readonly T[], options: ListOptions): ListResult<T> {
  const { delimiter = "", prefix = "", maxKeys = Infinity } = options;
  const kept: T[] = [];
  const prefixes: string[] = [];
  let returned = 0;
  for (const object of objects) {
    const at = object.key.indexOf(delimiter, prefix.length);
    const common = at >= 0 ? object.key.slice(0, at + delimiter.length) : null;
    if (common !== null && prefixes[prefixes.length - 1] === common) continue;
    if (returned >= maxKeys) return { objects: kept, commonPrefixes: prefixes, isTruncated: true };
    returned++;
    if (common !== null) prefixes.push(common);
    else kept.push(object);
  }
  return { objects: kept, commonPrefixes: prefixes, isTruncated: false };
}

export function fixDelimiterListing<T extends StoredObject>(store: ListingStore<T>): void {
  const list = store.listObjects.bind(store);
  store.listObjects = async (bucket, options) => {
    if (!options.delimiter) return list(bucket, options);
    const all = await list(bucket, { ...options, delimiter: undefined, maxKeys: Infinity });
    return rollUpCommonPrefixes(all.objects, options);
  };
}
