import { captureSource, type CaptureSourceDeps } from "./capture-source";
import type { CapturedRecord } from "./decode-capture";
import { listCaptureObjects, type CaptureDeps } from "./list-capture-objects";
import { readCaptureObject, type ReadCaptureOptions } from "./read-capture-object";

/**
 * Every captured record of a tenant endpoint in [from, to), all variants, object by object: one
 * object's lines in flight at a time, whatever the window. For a job that fans out, use
 * captureSource + listCaptureObjects + readCaptureObject per object instead.
 */
export async function* readCapture(
  input: { tenantId: string; endpointName: string; from: Date; to: Date; variants?: readonly string[] },
  options: Pick<ReadCaptureOptions, "onInvalid"> = {},
  deps: CaptureDeps & CaptureSourceDeps = {},
): AsyncGenerator<CapturedRecord> {
  const source = await captureSource(input, deps);
  const objects = await listCaptureObjects({ ...input, destination: source.destination }, deps);
  for (const object of objects) yield* readCaptureObject(object, { ...options, from: input.from, to: input.to }, deps);
}
