import { createRequire } from "node:module";

/**
 * s3rver 3.7's filesystem store answers ListObjects with a Delimiter by not walking into the
 * directories beneath a common prefix — and so never sees the keys that would make them common
 * prefixes: `Prefix=a/, Delimiter=/` over `a/b/c.txt` answers neither the key nor `a/b/`. S3 rolls
 * "keys that contain the same string between the prefix and the first occurrence of the delimiter"
 * up into CommonPrefixes, each counting once against MaxKeys (ListObjectsV2 API reference). This
 * wraps the store's listObjects: with a Delimiter, the key names beneath the prefix are walked (as
 * the store walks them, without its delimiter shortcut) and rolled up here, and only the keys the
 * answer returns have their metadata read (size, ETag, date: a stat and two small files each). The
 * store's own listing read the metadata of every key beneath the prefix, rolled up or not: listing
 * an endpoint's variants (lib/capture) read every capture object it ever wrote.
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
  getBucketPath(bucket: string): string;
  getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
}

const require = createRequire(import.meta.url);
const { walk } = require("s3rver/lib/utils") as { walk: (dir: string, recurse: (dir: string) => boolean) => Iterable<string> };
const S3Object = require("s3rver/lib/models/object") as new (bucket: string, key: string, content: null, metadata: object) => StoredObject;
/** How s3rver's filesystem store names an object's content file (`<name>._S3rver_object`). */
const OBJECT_SUFFIX = "._S3rver_object";

/**
 * The keys beneath `prefix` after `startAfter`, in the store's walk order, without their metadata:
 * s3rver's listObjects walk (filesystem.js) without the delimiter shortcut. Keys are paths as they
 * are on POSIX (s3rver encodes them only on Windows).
 */
export function keysBeneath(bucketPath: string, prefix: string, startAfter: string): string[] {
  const startAfterPath = `${bucketPath}/${startAfter}`;
  const prefixPath = `${bucketPath}/${prefix}`;
  const keys: string[] = [];
  const directories = (dir: string) =>
    !(dir < startAfterPath && !startAfterPath.includes(dir)) && (dir.startsWith(prefixPath) || prefixPath.startsWith(dir));
  for (const file of walk(bucketPath, directories)) {
    if (!file.endsWith(OBJECT_SUFFIX)) continue;
    const key = file.slice(bucketPath.length + 1, -OBJECT_SUFFIX.length);
    if (key > startAfter && key.startsWith(prefix)) keys.push(key);
  }
  return keys;
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
    if (process.platform === "win32") {
      // Keys are encoded on disk there: the store lists them (with metadata), rolled up here.
      const all = await list(bucket, { ...options, delimiter: undefined, maxKeys: Infinity });
      return rollUpCommonPrefixes(all.objects, options);
    }
    const keys = keysBeneath(store.getBucketPath(bucket), options.prefix ?? "", options.startAfter ?? "");
    const rolled = rollUpCommonPrefixes(
      keys.map((key) => ({ key })),
      options,
    );
    // As the store does: a key whose files went away meanwhile is left out.
    const objects = await Promise.all(
      rolled.objects.map(({ key }) =>
        store.getMetadata(bucket, key).then(
          (metadata) => new S3Object(bucket, key, null, metadata) as T,
          (error: NodeJS.ErrnoException) => {
            if (error.code === "ENOENT") return undefined;
            throw error;
          },
        ),
      ),
    );
    return {
      objects: objects.filter((o): o is Awaited<T> => o !== undefined),
      commonPrefixes: rolled.commonPrefixes,
      isTruncated: rolled.isTruncated,
    };
  };
}
