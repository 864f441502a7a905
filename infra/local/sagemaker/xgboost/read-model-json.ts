import { invalidModel, unsupportedModel } from "./errors";

// XGBoost writes non-finite floats as bare NaN/Infinity tokens (e.g. the split condition of a
// categorical node), which JSON.parse rejects. Turning them into null lets us parse the file and
// then refuse the model for the real reason (categorical split) rather than a syntax error.
const NON_FINITE_TOKEN = /(?<=[[,:]\s*)-?(?:NaN|Infinity)(?=\s*[,\]}])/g;

/** Decodes and parses a saved XGBoost model, refusing the binary formats with a useful message. */
export function readModelJson(input: string | Uint8Array): unknown {
  const text = typeof input === "string" ? input : decodeUtf8(input);
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("{")) {
    throw unsupportedModel('not a JSON document (legacy binary format?); save the booster with save_model("model.json")');
  }
  if (looksLikeUbjson(trimmed)) {
    throw unsupportedModel('UBJSON format; save the booster with save_model("model.json")');
  }
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(NON_FINITE_TOKEN, "null"));
    } catch (error) {
      throw invalidModel(`malformed JSON (${(error as Error).message})`);
    }
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unsupportedModel("not UTF-8 text (legacy binary or UBJSON format?); save it as JSON");
  }
}

// UBJSON objects also start with "{", followed by a length marker byte then a key, e.g. "{L\0\0...".
function looksLikeUbjson(text: string): boolean {
  return /^\{[iUIlL][\x00-\x1f]/.test(text);
}
