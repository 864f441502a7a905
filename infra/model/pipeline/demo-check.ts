import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LEGIT_DEMO, SUSPICIOUS_DEMO } from "@/lib/features/demo-transactions";
import { toCsvRow } from "@/lib/features/schema";
import { transactionSchema } from "@/lib/features/transaction";
import { runPython } from "./python";

export interface DemoScores {
  legit: number;
  suspicious: number;
}

const LEGIT_MAX = 0.1;
const SUSPICIOUS_MIN = 0.9;

/** Score the canonical demo payloads with each model file, through the same encoder scoring uses. */
export async function scoreDemos(dataDir: string, modelPaths: readonly string[]): Promise<DemoScores[]> {
  const rows = [LEGIT_DEMO, SUSPICIOUS_DEMO].map((demo) => toCsvRow(transactionSchema.parse(demo)));
  const rowsPath = join(dataDir, "demo-rows.csv");
  await writeFile(rowsPath, `${rows.join("\n")}\n`);
  const output = runPython({ script: "score.py", args: [rowsPath, ...modelPaths] });
  return output
    .trim()
    .split("\n")
    .map((line) => {
      const { scores } = JSON.parse(line) as { scores: [number, number] };
      return { legit: scores[0], suspicious: scores[1] };
    });
}

/** Acceptance: every version calls the legit demo LEGIT; v1 and v2 call the suspicious one SUSPICIOUS. */
export function demoProblems(version: number, scores: DemoScores): string[] {
  const problems: string[] = [];
  if (scores.legit >= LEGIT_MAX) problems.push(`v${version} scores the legit demo ${scores.legit} (>= ${LEGIT_MAX})`);
  if (version <= 2 && scores.suspicious <= SUSPICIOUS_MIN) {
    problems.push(`v${version} scores the suspicious demo ${scores.suspicious} (<= ${SUSPICIOUS_MIN})`);
  }
  return problems;
}
