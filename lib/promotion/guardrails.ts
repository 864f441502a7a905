import { z } from "zod";

/**
 * When a canary may be promoted to 100%. Defaults (a tenant's settings may change them):
 * over the last hour the canary has served at least 100 requests, its 5xx rate is at most 0.5
 * percentage points above production's, and its p95 ModelLatency at most 25% (+5 ms, so that two
 * fast variants' noise is not a regression) above production's. The error budget must not be frozen.
 */
export interface PromotionGuardrails {
  minCanaryRequests: number;
  /** Allowed canary 5xx rate − production 5xx rate (a fraction: 0.005 = 0.5 points). */
  max5xxRateExcess: number;
  /** Allowed canary p95 / production p95, before the slack below. */
  maxP95LatencyRatio: number;
  p95LatencySlackMs: number;
  /** The window the figures are taken over. */
  windowMs: number;
}

/** The window is fixed at one hour: one CloudWatch period, so the p95 is over every request in it. */
export const GUARDRAIL_WINDOW_MS = 3_600_000;

/** The tenant setting (Settings → Promotion gates and SLO): everything but the window. */
export const promotionGuardrailsSchema = z.object({
  minCanaryRequests: z.number().int().min(1).max(1_000_000),
  max5xxRateExcess: z.number().min(0).max(1),
  maxP95LatencyRatio: z.number().min(1).max(100),
  p95LatencySlackMs: z.number().min(0).max(60_000),
});
export type PromotionGuardrailSettings = z.infer<typeof promotionGuardrailsSchema>;

export const DEFAULT_PROMOTION_GUARDRAIL_SETTINGS: PromotionGuardrailSettings = {
  minCanaryRequests: 100,
  max5xxRateExcess: 0.005,
  maxP95LatencyRatio: 1.25,
  p95LatencySlackMs: 5,
};

export const DEFAULT_PROMOTION_GUARDRAILS: PromotionGuardrails = { ...DEFAULT_PROMOTION_GUARDRAIL_SETTINGS, windowMs: GUARDRAIL_WINDOW_MS };

/** One variant's figures over the window (CloudWatch AWS/SageMaker, per variant). */
export interface VariantHealth {
  requests: number;
  errors5xx: number;
  /** ModelLatency p95 in milliseconds; null without requests. */
  p95LatencyMs: number | null;
}

export type GuardrailVerdict =
  { ok: true } | { ok: false; code: "canary_too_few_requests" | "canary_unhealthy"; message: string; details: Record<string, unknown> };

export function rate5xx(h: VariantHealth): number {
  return h.requests > 0 ? h.errors5xx / h.requests : 0;
}

/** The canary's health against production's, by the guardrails; the first refusal wins. */
export function judgeCanary(
  canary: VariantHealth,
  production: VariantHealth,
  g: PromotionGuardrails = DEFAULT_PROMOTION_GUARDRAILS,
): GuardrailVerdict {
  const details = { canary, production, guardrails: g };
  if (canary.requests < g.minCanaryRequests) {
    return {
      ok: false,
      code: "canary_too_few_requests",
      message: `The canary has served ${canary.requests} requests in the last hour; promotion needs at least ${g.minCanaryRequests}`,
      details,
    };
  }
  const excess = rate5xx(canary) - rate5xx(production);
  if (excess > g.max5xxRateExcess) {
    return {
      ok: false,
      code: "canary_unhealthy",
      message: `The canary's 5xx rate (${pct(rate5xx(canary))}) is ${pct(excess)} above production's (${pct(rate5xx(production))}); at most ${pct(g.max5xxRateExcess)} is allowed`,
      details,
    };
  }
  if (canary.p95LatencyMs != null && production.p95LatencyMs != null) {
    const limit = production.p95LatencyMs * g.maxP95LatencyRatio + g.p95LatencySlackMs;
    if (canary.p95LatencyMs > limit) {
      return {
        ok: false,
        code: "canary_unhealthy",
        message: `The canary's p95 latency (${ms(canary.p95LatencyMs)}) is above ${ms(limit)} (production's ${ms(production.p95LatencyMs)} × ${g.maxP95LatencyRatio} + ${g.p95LatencySlackMs} ms)`,
        details,
      };
    }
  }
  return { ok: true };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
