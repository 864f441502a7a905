import { GetObjectCommand } from "@aws-sdk/client-s3";
import { s3Client } from "@/lib/aws/clients";
import { parseXgboostModel, type XgboostModel } from "../xgboost";
import { modelFileFrom } from "./model-archive";
import { modelSourceOf } from "./model-source";
import type { ContainerSpec } from "../state/types";

/**
 * Loads models from S3 once per artifact: endpoints and variants that share an artifact share the
 * parsed model. A failed load is forgotten so a later deployment can try again.
 */
export class ModelCache {
  private readonly loaded = new Map<string, Promise<XgboostModel>>();

  load(container: ContainerSpec): Promise<XgboostModel> {
    let source;
    try {
      source = modelSourceOf(container);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const cacheKey = `${source.bucket}/${source.key}`;
    let model = this.loaded.get(cacheKey);
    if (!model) {
      model = fetchModel(source.bucket, source.key, source.uri);
      model.catch(() => this.loaded.delete(cacheKey));
      this.loaded.set(cacheKey, model);
    }
    return model;
  }
}

/** S3 did not answer (not "no such object"): worth retrying, e.g. while the local S3 is starting. */
export class S3UnreachableError extends Error {
  override name = "S3UnreachableError";
}

async function fetchModel(bucket: string, key: string, uri: string): Promise<XgboostModel> {
  let bytes: Uint8Array;
  try {
    const object = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    bytes = await object.Body!.transformToByteArray();
  } catch (error) {
    const name = (error as Error).name;
    if (name === "NoSuchKey" || name === "NoSuchBucket" || name === "NotFound" || name === "AccessDenied") {
      throw new Error(`Could not find model data at ${uri}. (${name})`);
    }
    throw new S3UnreachableError(`Could not read model data at ${uri}: ${(error as Error).message}`);
  }
  let file: Uint8Array;
  try {
    file = await modelFileFrom(bytes);
  } catch (error) {
    throw new Error(`Failed to extract model data archive from URL "${uri}": ${(error as Error).message}.`);
  }
  try {
    return parseXgboostModel(file);
  } catch (error) {
    throw new Error(`Failed to load the model from ${uri}: ${(error as Error).message}`);
  }
}
