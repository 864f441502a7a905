import { isSageMakerMissing } from "@/lib/aws/missing";
import { AppError } from "@/lib/errors/app-error";

/** An AWS error as a rollback event and an API answer carry it: its name and AWS's own message. */
export interface AwsErrorSummary {
  name: string;
  message: string;
}

export function awsErrorSummary(error: unknown): AwsErrorSummary {
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 1000) };
  return { name: "Error", message: String(error).slice(0, 1000) };
}

/** SageMaker refuses any update of an endpoint that is Creating or Updating (SAGEMAKER.md). */
export function isEndpointBusy(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === "ValidationException" &&
    /in-progress endpoint|in (Creating|Updating) state/i.test(error.message)
  );
}

/**
 * A SageMaker control-plane failure as the API answers it (STYLE.md #3): busy → conflict, missing →
 * not_found, anything else → unavailable. AWS's name and message go in `details.aws` (they say
 * what AWS refused and carry no internals of ours).
 */
export function sageMakerFailure(error: unknown, what: string): AppError {
  const aws = awsErrorSummary(error);
  if (isEndpointBusy(error)) {
    return new AppError("conflict", `${what}: the endpoint is being updated; try again once it is InService`, {
      details: { aws },
      cause: error,
    });
  }
  if (isSageMakerMissing(error))
    return new AppError("not_found", `${what}: SageMaker could not find it`, { details: { aws }, cause: error });
  return new AppError("unavailable", `${what}: SageMaker answered ${aws.name}`, { details: { aws }, cause: error });
}
