import { mkdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { emptyState, type EmulatorState } from "./types";

const FILE_NAME = "sagemaker-state.json";
const DEBOUNCE_MS = 200;

/**
 * The control plane's state in memory, written to `<dataDir>/sagemaker-state.json` a moment after each
 * change (debounced: a burst of calls costs one write) through a temp file and rename, so a crash
 * mid-write never leaves half a file.
 */
export class StateStore {
  readonly state: EmulatorState;
  private readonly file: string;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, FILE_NAME);
    this.state = loadState(this.file);
  }

  /** Call after every mutation. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const snapshot = JSON.stringify(this.state);
    // Writes are chained so an older snapshot never lands after a newer one.
    this.writing = this.writing
      .then(() => writeAtomically(this.file, snapshot))
      .catch((error: unknown) => {
        console.error(`sagemaker emulator: could not save state: ${String(error)}`);
      });
    await this.writing;
  }
}

function loadState(file: string): EmulatorState {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return emptyState();
  }
  return { ...emptyState(), ...(JSON.parse(text) as Partial<EmulatorState>) };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}
