import { inject } from "vitest";
import { applyLocalStackEnv } from "@/infra/local/stack-env";

// Runs in every integration worker before its test file: lib/aws builds its clients lazily from the
// standard AWS_* variables, so pointing them at the throwaway stack is all the wiring there is.
applyLocalStackEnv(inject("stackUrls"));
