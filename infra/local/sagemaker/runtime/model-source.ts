import type { ContainerSpec } from "../state/types";

/** Where a container's model lives: one S3 object, gzipped tar or bare model file (told apart by its bytes). */
export interface ModelSource {
  bucket: string;
  key: string;
  /** Display form for error messages: the URI as the model named it. */
  uri: string;
}

/** The file SageMaker's XGBoost container loads from the model directory. */
export const MODEL_FILE_NAME = "xgboost-model";

export function modelSourceOf(container: ContainerSpec): ModelSource {
  if (container.ModelDataUrl) return parseS3Uri(container.ModelDataUrl);
  const source = container.ModelDataSource?.S3DataSource;
  if (source?.S3Uri) {
    const location = parseS3Uri(source.S3Uri);
    // An S3Prefix source is a directory: the container finds its model file inside it.
    if (source.S3DataType === "S3Prefix") return { ...location, key: `${location.key.replace(/\/?$/, "/")}${MODEL_FILE_NAME}` };
    return location;
  }
  throw new Error("The model has no ModelDataUrl or ModelDataSource to load.");
}

function parseS3Uri(uri: string): ModelSource {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) throw new Error(`Invalid S3 URI "${uri}".`);
  return { bucket: match[1]!, key: match[2]!, uri };
}
