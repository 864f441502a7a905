/** A request's records as a row-major float32 matrix (XGBoost's own precision), NaN = missing. */
export interface RecordBatch {
  readonly rows: Float32Array;
  readonly count: number;
}

/**
 * What the XGBoost container itself answers (its status and body), which SageMaker wraps in a
 * ModelError. Statuses and messages follow sagemaker-xgboost-container's serve.py / serve_utils.py:
 * a payload it cannot load → 415, a payload it cannot evaluate → 400.
 */
export class ContainerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * SageMaker's XGBoost 1.7-1 container reads text/csv, text/libsvm, application/x-recordio-protobuf
 * and application/x-parquet; of those the emulator reads CSV. application/json is not among them.
 */
export function isCsv(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "text/csv";
}

const CSV_LOAD_FAILED = "Loading csv data failed with Exception, please ensure data is in csv format:";

/**
 * CSV rows without a header, one record per line; an empty field is a missing value. As in XGBoost,
 * a row with fewer columns than the model has features leaves the rest missing; more columns cannot
 * be evaluated (400); rows of different widths or a value that is not a number cannot be loaded (415).
 */
export function parseCsv(text: string, width: number): RecordBatch {
  const lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  while (lines.length > 0 && lines[0]!.trim() === "") lines.shift();
  if (lines.length === 0) throw new ContainerError(415, `${CSV_LOAD_FAILED}\n <class 'ValueError'>\n the payload holds no CSV records`);
  const fieldsOf = lines.map((line) => line.split(","));
  const columns = fieldsOf[0]!.length;
  if (fieldsOf.some((fields) => fields.length !== columns)) {
    throw new ContainerError(415, `${CSV_LOAD_FAILED}\n <class 'ValueError'>\n setting an array element with a sequence.`);
  }
  if (columns > width) {
    throw new ContainerError(
      400,
      `Unable to evaluate payload provided: Check failed: learner_model_param_.num_feature >= p_fmat->Info().num_col_ (${width} vs. ${columns}) : Number of columns does not match number of features in booster.`,
    );
  }
  const rows = new Float32Array(lines.length * width).fill(NaN);
  fieldsOf.forEach((fields, r) => {
    for (let j = 0; j < columns; j++) rows[r * width + j] = parseField(fields[j]!);
  });
  return { rows, count: lines.length };
}

function parseField(field: string): number {
  const trimmed = field.trim();
  if (trimmed === "" || trimmed.toLowerCase() === "nan") return NaN;
  const value = Number(trimmed);
  if (Number.isNaN(value)) {
    throw new ContainerError(415, `${CSV_LOAD_FAILED}\n <class 'ValueError'>\n could not convert string to float: '${trimmed}'`);
  }
  return value;
}
