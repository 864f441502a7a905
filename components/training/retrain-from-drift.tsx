"use client";

import { useRouter } from "next/navigation";
import { RetrainButton } from "./retrain-button";

/** The Drift page's recommendation → "Retrain": once started, the Models page follows the job and shows the new version. */
export function RetrainFromDrift() {
  const router = useRouter();
  return <RetrainButton onStarted={() => router.push("/models#training-jobs")} />;
}
