/** npm run test:python — the training code's own unit tests, under the one configured interpreter. */
import { spawnSync } from "node:child_process";
import { PYTHON, TRAIN_DIR } from "./python";

const run = spawnSync(PYTHON, ["-m", "unittest", "discover", "-s", TRAIN_DIR, "-p", "*_test.py", "-v"], {
  cwd: TRAIN_DIR,
  stdio: "inherit",
  env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
});
process.exit(run.status ?? 1);
