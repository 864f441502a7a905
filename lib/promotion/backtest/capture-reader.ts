import { captureSource, type CaptureSourceDeps } from "@/lib/capture/capture-source";
import { listCaptureObjects, type CaptureDeps } from "@/lib/capture/list-capture-objects";
import { readCaptureObject } from "@/lib/capture/read-capture-object";
import type { CaptureReader } from "./capture-source";

/**
 * The tenant endpoint's capture through lib/capture: variants are the endpoint's capture folders
 * with an object in the window; a variant's lines come object by object in key (= time) order, one
 * object in flight. Lines that cannot be decoded are counted by the caller as unreadable (skipped).
 */
export function captureReader(input: { tenantId: string }, deps: CaptureDeps & CaptureSourceDeps = {}): CaptureReader {
  const objectsOf = async (window: { endpointName: string; from: string; to: string; variants?: string[] }) => {
    const source = await captureSource({ tenantId: input.tenantId, endpointName: window.endpointName }, deps);
    return listCaptureObjects(
      {
        destination: source.destination,
        endpointName: window.endpointName,
        from: new Date(window.from),
        to: new Date(window.to),
        variants: window.variants,
      },
      deps,
    );
  };
  return {
    async variants(window) {
      const objects = await objectsOf(window);
      return [...new Set(objects.map((o) => o.variant))];
    },
    async *calls(window) {
      const objects = await objectsOf({ ...window, variants: [window.variantName] });
      for (const object of objects) {
        yield* readCaptureObject(object, { from: new Date(window.from), to: new Date(window.to) }, deps);
      }
    },
  };
}
