import { z } from "zod";

/** `{version}` in /api/models/{version}…: a registry version number (1, 2, …), "v3" accepted. */
export const versionParamSchema = z
  .string()
  .regex(/^v?[1-9]\d{0,8}$/, "a model package version number, e.g. 3")
  .transform((v) => Number(v.replace(/^v/, "")));
