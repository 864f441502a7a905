export { predictBatch, predictMarginBatch, shapBatch } from "./batch";
export { XgboostModelError, type XgboostModelErrorReason } from "./errors";
export { parseXgboostModel } from "./parse-model";
export type { XgboostModel } from "./xgboost-model";
