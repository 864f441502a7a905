import { invalidParameterValue } from "../errors";
import type { TimeSeries } from "./metric-series";

/**
 * A small subset of CloudWatch metric math: numbers, query ids, + - * / ^, parentheses, and the
 * functions METRICS(["filter"]), SUM, AVG, MIN, MAX (across an array of series, per timestamp) and
 * ABS. Series combine on the timestamps they share; non-finite results (x/0) are dropped.
 */
type Value = number | TimeSeries | TimeSeries[];

interface ExpressionQuery {
  Id: string;
  Expression?: string | undefined;
  MetricStat?: unknown;
}

export function evaluateExpressions(queries: ReadonlyArray<ExpressionQuery>, computed: Map<string, TimeSeries>): void {
  const byId = new Map(queries.map((q) => [q.Id, q]));
  const metricIds = queries.filter((q) => q.MetricStat).map((q) => q.Id);
  const visiting = new Set<string>();
  const resolve = (id: string): TimeSeries => {
    const done = computed.get(id);
    if (done) return done;
    const q = byId.get(id);
    if (!q?.Expression) throw invalidParameterValue(`Expression references unknown id ${id}.`);
    if (visiting.has(id)) throw invalidParameterValue(`Expression ${id} references itself.`);
    visiting.add(id);
    const value = new Parser(q.Expression, resolve, metricIds).parse();
    const series = typeof value === "number" ? new Map<number, number>() : Array.isArray(value) ? combine(value, sum) : value;
    computed.set(id, series);
    return series;
  };
  for (const q of queries) if (q.Expression) resolve(q.Id);
}

const TOKEN = /\s*(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|"[^"]*"|[-+*/^(),[\]])/y;

class Parser {
  private tokens: string[] = [];
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly resolve: (id: string) => TimeSeries,
    private readonly metricIds: string[],
  ) {
    TOKEN.lastIndex = 0;
    let match: RegExpExecArray | null;
    while (TOKEN.lastIndex < text.trimEnd().length && (match = TOKEN.exec(text))) this.tokens.push(match[1]!);
    if (TOKEN.lastIndex < text.trimEnd().length) this.fail();
  }

  parse(): Value {
    const value = this.additive();
    if (this.pos !== this.tokens.length) this.fail();
    return value;
  }

  private additive(): Value {
    let left = this.multiplicative();
    while (this.peek() === "+" || this.peek() === "-") {
      const op = this.next();
      left = binary(left, this.multiplicative(), op === "+" ? (a, b) => a + b : (a, b) => a - b);
    }
    return left;
  }

  private multiplicative(): Value {
    let left = this.unary();
    while (this.peek() === "*" || this.peek() === "/") {
      const op = this.next();
      left = binary(left, this.unary(), op === "*" ? (a, b) => a * b : (a, b) => a / b);
    }
    return left;
  }

  private unary(): Value {
    if (this.peek() === "-") {
      this.next();
      return binary(-1, this.unary(), (a, b) => a * b);
    }
    const base = this.primary();
    if (this.peek() !== "^") return base;
    this.next();
    return binary(base, this.unary(), (a, b) => a ** b);
  }

  private primary(): Value {
    const token = this.next();
    if (token === "(") {
      const value = this.additive();
      this.expect(")");
      return value;
    }
    if (token === "[") return this.arrayLiteral();
    if (/^\d/.test(token)) return Number(token);
    if (!/^[A-Za-z_]/.test(token)) this.fail();
    if (this.peek() !== "(") return this.resolve(token);
    this.next();
    const args: Array<Value | string> = [];
    while (this.peek() !== ")") {
      args.push(this.peek()?.startsWith('"') ? this.next() : this.additive());
      if (this.peek() === ",") this.next();
    }
    this.expect(")");
    return this.call(token.toUpperCase(), args);
  }

  /** `[m1, m2, METRICS("x")]`: an array of time series (metric math's array literal). */
  private arrayLiteral(): TimeSeries[] {
    const items: TimeSeries[] = [];
    while (this.peek() !== "]") {
      const value = this.additive();
      if (typeof value === "number") this.fail();
      if (Array.isArray(value)) items.push(...value);
      else items.push(value);
      if (this.peek() === ",") this.next();
      else if (this.peek() !== "]") this.fail();
    }
    this.next();
    return items;
  }

  private call(name: string, args: Array<Value | string>): Value {
    if (name === "METRICS") {
      const filter = typeof args[0] === "string" ? args[0].slice(1, -1) : "";
      return this.metricIds.filter((id) => id.includes(filter)).map((id) => this.resolve(id));
    }
    const arg = args[0];
    if (arg === undefined || typeof arg === "string") this.fail();
    const list = Array.isArray(arg) ? arg : typeof arg === "number" ? [] : [arg];
    if (name === "ABS") return binary(arg, 0, (a) => Math.abs(a));
    const reducers: Record<string, (xs: number[]) => number> = {
      SUM: sum,
      AVG: (xs) => sum(xs) / xs.length,
      MIN: (xs) => Math.min(...xs),
      MAX: (xs) => Math.max(...xs),
    };
    const reduce = reducers[name];
    if (!reduce) throw invalidParameterValue(`Unsupported metric math function ${name}.`);
    return typeof arg === "number" ? arg : combine(list, reduce);
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  private next(): string {
    const token = this.tokens[this.pos++];
    if (token === undefined) this.fail();
    return token;
  }

  private expect(token: string): void {
    if (this.next() !== token) this.fail();
  }

  private fail(): never {
    throw invalidParameterValue(`Unable to parse expression: ${this.text}`);
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function combine(list: TimeSeries[], reduce: (xs: number[]) => number): TimeSeries {
  const times = [...new Set(list.flatMap((s) => [...s.keys()]))].sort((a, b) => a - b);
  const out: TimeSeries = new Map();
  for (const t of times) {
    const xs = list.map((s) => s.get(t)).filter((x): x is number => x !== undefined);
    const value = reduce(xs);
    if (Number.isFinite(value)) out.set(t, value);
  }
  return out;
}

function binary(left: Value, right: Value, op: (a: number, b: number) => number): Value {
  if (Array.isArray(left) || Array.isArray(right))
    throw invalidParameterValue("Arithmetic on arrays of time series is not supported; wrap them in SUM/AVG/MIN/MAX.");
  if (typeof left === "number" && typeof right === "number") return op(left, right);
  const out: TimeSeries = new Map();
  const times = typeof left === "number" ? [...(right as TimeSeries).keys()] : [...left.keys()];
  for (const t of times) {
    const a = typeof left === "number" ? left : left.get(t);
    const b = typeof right === "number" ? right : right.get(t);
    if (a === undefined || b === undefined) continue;
    const value = op(a, b);
    if (Number.isFinite(value)) out.set(t, value);
  }
  return out;
}
