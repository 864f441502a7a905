/**
 * The script's output, line by line, to the job's CloudWatch Logs stream (log-stream.ts), and the
 * metrics SageMaker extracts from that output with AlgorithmSpecification.MetricDefinitions (each
 * Regex's first group, parsed as a number; the last value seen is the final one).
 */
const MAX_LINE = 2_000;

/** Where each line goes: the job's log stream (TrainingLogStream). */
export interface LogSink {
  add(message: string, at: number): void;
}

export interface MetricDefinition {
  Name: string;
  Regex: string;
}

export class JobLog {
  private partial = { stdout: "", stderr: "" };
  private readonly stderrTail: string[] = [];
  private readonly patterns: { name: string; regex: RegExp }[];
  readonly metrics = new Map<string, { value: number; at: number }>();

  constructor(
    private readonly sink: LogSink,
    definitions: readonly MetricDefinition[],
    private readonly now: () => number,
    private readonly changed: () => void,
  ) {
    this.patterns = definitions.flatMap((d) => {
      try {
        return [{ name: d.Name, regex: new RegExp(d.Regex) }];
      } catch {
        return [];
      }
    });
  }

  line(text: string, stream: "stdout" | "stderr" = "stdout"): void {
    const line = text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}…` : text;
    this.sink.add(line, this.now());
    if (stream === "stderr" && line.trim() !== "") {
      this.stderrTail.push(line);
      if (this.stderrTail.length > 20) this.stderrTail.shift();
    }
    for (const { name, regex } of this.patterns) {
      const value = Number(regex.exec(line)?.[1]);
      if (Number.isFinite(value)) this.metrics.set(name, { value, at: this.now() });
    }
    this.changed();
  }

  chunk(data: Buffer, stream: "stdout" | "stderr"): void {
    const lines = (this.partial[stream] + data.toString("utf8")).split(/\r?\n/);
    this.partial[stream] = lines.pop() ?? "";
    for (const line of lines) this.line(line, stream);
  }

  /** Whatever was left without a final newline. */
  end(): void {
    for (const stream of ["stdout", "stderr"] as const) {
      if (this.partial[stream]) this.line(this.partial[stream], stream);
      this.partial[stream] = "";
    }
  }

  /** The error the script died with: the last line it wrote to stderr (a traceback's exception line). */
  lastError(): string {
    return this.stderrTail.at(-1) ?? "";
  }
}
