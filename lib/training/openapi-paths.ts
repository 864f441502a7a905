import { errorResponse as error, jsonRequestBody, jsonResponse as json, sessionSecurity as session } from "@/lib/scoring/openapi-fragments";
import { HYPERPARAMETER_NAMES, MAX_WINDOW_DAYS, TRAINING_STATUSES } from "./training-job";

/**
 * Retraining routes in the OpenAPI document (merged by lib/scoring/openapi-document.ts). Session
 * cookie, ml_engineer or admin; analysts get 403. Every mutation is audited (training.start, training.stop).
 */
const common = { "401": error("Not signed in"), "403": error("Analysts may not retrain; cross-site request") };
const nameParam = { name: "name", in: "path", required: true, schema: { type: "string" }, description: "Training job name (fc-…)" };
const hyperparameters = {
  type: "object",
  additionalProperties: false,
  properties: Object.fromEntries(HYPERPARAMETER_NAMES.map((n) => [n, { type: "number" }])),
  description: "Overrides of the production version's hyper-parameters (train.py's names)",
};
const windowProperties = {
  from: { type: "string", format: "date-time", description: "Verdicts on transactions created from (inclusive)" },
  to: { type: "string", format: "date-time", description: `… to (inclusive); at most ${MAX_WINDOW_DAYS} days after from` },
};

export const trainingApiPaths = {
  "/api/training-jobs": {
    get: {
      operationId: "listTrainingJobs",
      summary: "The tenant's training jobs, newest first",
      security: session,
      responses: { "200": json("TrainingJobList"), ...common },
    },
    post: {
      operationId: "startTrainingJob",
      summary:
        "Retrain from the production version's training data plus the window's matured analyst labels (SageMaker CreateTrainingJob); the version is registered PendingManualApproval when it completes",
      description:
        "A window without matured labels still starts a job, which fails at its first step with the reason (on record, in the jobs list).",
      security: session,
      requestBody: jsonRequestBody({
        type: "object",
        required: ["from", "to"],
        additionalProperties: false,
        properties: { ...windowProperties, hyperparameters },
      }),
      responses: {
        "201": json("TrainingJob", "The job, Preparing"),
        "400": error("Invalid body (the field is named): from after to, a window too long, an unknown or out-of-range hyper-parameter"),
        ...common,
        "409": error("training_running (one job at a time per tenant); conflict (no production version, or its training data missing)"),
      },
    },
  },
  "/api/training-jobs/preview": {
    get: {
      operationId: "previewTrainingJob",
      summary: "The parameters a job would start with: data window, row counts per channel, labels by maturity, hyper-parameters",
      security: session,
      parameters: [
        { name: "from", in: "query", required: true, schema: { type: "string", format: "date-time" } },
        { name: "to", in: "query", required: true, schema: { type: "string", format: "date-time" } },
        ...HYPERPARAMETER_NAMES.map((n) => ({ name: n, in: "query", required: false, schema: { type: "number" } })),
      ],
      responses: { "200": json("TrainingParameters"), "400": error("Invalid query (the field is named)"), ...common },
    },
  },
  "/api/training-jobs/{name}": {
    get: {
      operationId: "getTrainingJob",
      summary:
        "A job: status, secondary status transitions, parameters, duration, the log's tail, the failure reason, the registered version",
      security: session,
      parameters: [nameParam],
      responses: { "200": json("TrainingJob"), ...common, "404": error("No such job for this tenant") },
    },
  },
  "/api/training-jobs/{name}/stop": {
    post: {
      operationId: "stopTrainingJob",
      summary: "Stop a job (SageMaker StopTrainingJob; a job still preparing stops before it trains)",
      security: session,
      parameters: [nameParam],
      responses: {
        "200": json("TrainingJob"),
        ...common,
        "404": error("No such job for this tenant"),
        "409": error("conflict: the job has already ended"),
      },
    },
  },
};

export const trainingApiSchemas = {
  TrainingParameters: {
    type: "object",
    description: "lib/training/training-job.ts TrainingParameters",
    properties: {
      window: { type: "object", properties: windowProperties },
      cutoff: { type: "string", format: "date-time" },
      maturity: { type: "object", properties: { legitAfterHours: { type: "number" }, rule: { type: "string" } } },
      production: { type: "object", description: "version, modelDataUrl, trainingData (s3:// prefix), rows, validationRows, frauds" },
      labels: { type: "object", description: "verified, frauds, legit, immature, alreadyTrained, used" },
      rows: { type: "object", properties: { train: { type: "integer" }, validation: { type: "integer" }, test: { type: "integer" } } },
      testWindow: { type: "object", nullable: true, description: "The out-of-time test split's span (the window's newest labels)" },
      hyperparameters,
      hyperparametersFrom: { type: "string", enum: ["production", "request"] },
      problem: { type: "string", nullable: true, description: "Why the job would fail (e.g. no matured labels in the window)" },
    },
  },
  TrainingJob: {
    type: "object",
    required: ["name", "status", "stage", "parameters"],
    properties: {
      name: { type: "string" },
      status: { type: "string", enum: [...TRAINING_STATUSES] },
      stage: { type: "string", enum: ["prepare", "start", "train", "register", "done"] },
      secondaryStatus: { type: "string", nullable: true },
      transitions: { type: "array", items: { type: "object" } },
      parameters: { $ref: "#/components/schemas/TrainingParameters" },
      failureReason: { type: "string", nullable: true },
      createdAt: { type: "string", format: "date-time" },
      trainingSeconds: { type: "number", nullable: true },
      logTail: { type: "array", items: { type: "string" } },
      registered: { type: "object", nullable: true, description: "version, arn, rocAuc, prAuc, recallAt80Precision" },
    },
  },
  TrainingJobList: {
    type: "object",
    required: ["jobs"],
    properties: { jobs: { type: "array", items: { $ref: "#/components/schemas/TrainingJob" } } },
  },
};
