import { captureSource, type CaptureSourceDeps } from "@/lib/capture/capture-source";
import { listCaptureObjects, type CaptureDeps } from "@/lib/capture/list-capture-objects";
import { readCaptureObject } from "@/lib/capture/read-capture-object";
import type { StoreDeps } from "@/lib/db/store";
import { getDeployment, listDeploymentHistory } from "@/lib/deployments/deployment-record";
import type { CaptureReader } from "./capture-source";

/**
 * The tenant endpoint's capture through lib/capture. The variants are the ones its deployments
 * have named (the record and its history: production, canaries, shadows), each listed only over the
 * window's hour and day folders; a variant's lines come object by object in key (= time) order, one
 * object in flight (naming the variants spares listing every variant's objects of the window just
 * to learn their names). Lines that cannot be decoded are counted through `onUnreadable` and skipped.
 */
export function captureReader(
  input: { tenantId: string; onUnreadable?: () => void },
  deps: CaptureDeps & CaptureSourceDeps & StoreDeps = {},
): CaptureReader {
  return {
    async variants(window) {
      const key = { tenantId: input.tenantId, endpointName: window.endpointName };
      const [current, history] = await Promise.all([getDeployment(key, deps), listDeploymentHistory({ ...key, limit: 100 }, deps)]);
      const specs = [...(current ? [current.spec] : []), ...history.map((h) => h.spec)];
      return [...new Set(specs.flatMap((s) => [...s.variants, ...s.shadowVariants].map((v) => v.variantName)))];
    },
    async *calls(window) {
      const source = await captureSource({ tenantId: input.tenantId, endpointName: window.endpointName }, deps);
      const from = new Date(window.from);
      const to = new Date(window.to);
      const objects = await listCaptureObjects(
        { destination: source.destination, endpointName: window.endpointName, from, to, variants: [window.variantName] },
        deps,
      );
      for (const object of objects) yield* readCaptureObject(object, { from, to, onInvalid: () => input.onUnreadable?.() }, deps);
    },
  };
}
