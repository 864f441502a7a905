import type { DeploymentRunner } from "../control/context";
import { completePending, failPending, resetDesired } from "../control/endpoint-transitions";
import { forgetTags } from "../control/tags";
import type { StateStore } from "../state/store";
import type { Deployment, EndpointRecord, PendingChange } from "../state/types";
import type { XgboostModel } from "../xgboost";
import jmespath from "jmespath";
import { hostedEndpointOf, type Hosting } from "./hosting";
import type { MetricsAggregator } from "./metrics";
import { S3UnreachableError, type ModelCache } from "./model-cache";
import type { RecordBatch } from "./payload";
import type { TransitionHolds } from "./transition-holds";
import { loadShapBaselineText, parseShapBaseline } from "./shap-baseline";

/** What a deployment needs in memory before it can serve: each variant's model and SHAP baseline. */
interface LoadedDeployment {
  models: XgboostModel[];
  shapBaselines: (RecordBatch | undefined)[];
}

/**
 * Runs endpoint transitions: loads the models a pending change needs, waits the configured
 * transition time, then swaps the new deployment in (the old one serves until that moment) or
 * records why it failed. A newer change or a delete supersedes an older one still in flight.
 */
export class EndpointLifecycle implements DeploymentRunner {
  private readonly generation = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly deps: {
      store: StateStore;
      hosting: Hosting;
      models: ModelCache;
      metrics: MetricsAggregator;
      /** How long a change that loads models (create, UpdateEndpoint, a new instance count) lasts. */
      transitionMs: number;
      /** How long a weights-only UpdateEndpointWeightsAndCapacities lasts: it moves routing, no instances. */
      weightsTransitionMs: number;
      holds: TransitionHolds;
      now: () => number;
    },
  ) {}

  start(endpoint: EndpointRecord): void {
    const generation = this.bump(endpoint.EndpointName);
    void this.run(endpoint, generation);
  }

  remove(endpoint: EndpointRecord): void {
    const generation = this.bump(endpoint.EndpointName);
    this.deps.hosting.remove(endpoint.EndpointName);
    void this.transition(endpoint.EndpointName).then(() => {
      if (!this.isCurrent(endpoint.EndpointName, generation)) return;
      const { state } = this.deps.store;
      if (state.endpoints[endpoint.EndpointName] !== endpoint) return;
      delete state.endpoints[endpoint.EndpointName];
      forgetTags(state, endpoint.EndpointArn);
      this.deps.store.changed();
    });
  }

  /**
   * After a restart: serve what was InService again (resolves once those models are loaded, so the
   * emulator is ready when it says so) and finish, in the background, what was in progress.
   */
  async resume(): Promise<void> {
    const serving = Object.values(this.deps.store.state.endpoints).map(async (endpoint) => {
      if (endpoint.EndpointStatus === "Deleting") return this.remove(endpoint);
      const generation = this.bump(endpoint.EndpointName);
      if (endpoint.live) await this.reinstall(endpoint, generation);
      if (endpoint.pending && this.isCurrent(endpoint.EndpointName, generation)) void this.run(endpoint, generation);
    });
    await Promise.all(serving);
  }

  /** The transition time, then any hold a test placed on the endpoint (/_emulator/transitions). */
  private async transition(endpointName: string, ms = this.deps.transitionMs): Promise<void> {
    await this.wait(ms);
    await this.deps.holds.passed(endpointName);
  }

  /**
   * A weights-only change re-routes traffic among instances already serving, so it is modelled as
   * quicker than one that must load models or change capacity. AWS documents neither duration
   * (UpdateEndpointWeightsAndCapacities API reference: Updating, then InService); both are ours.
   */
  private transitionTime(endpoint: EndpointRecord, pending: PendingChange): number {
    const capacityChanges = endpoint.live?.variants.some((v) => v.DesiredInstanceCount !== v.CurrentInstanceCount) ?? true;
    return pending.kind === "weights" && !capacityChanges ? this.deps.weightsTransitionMs : this.deps.transitionMs;
  }

  close(): void {
    this.deps.holds.releaseAll();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.generation.clear();
  }

  private async reinstall(endpoint: EndpointRecord, generation: number): Promise<void> {
    try {
      await this.installRetryingWhileS3Unreachable(endpoint.EndpointName, endpoint.live!);
    } catch (error) {
      if (!this.isCurrent(endpoint.EndpointName, generation)) return;
      // An artifact that vanished while the emulator was down: the endpoint cannot serve.
      endpoint.live = undefined;
      failPending(endpoint, (error as Error).message, this.deps.now());
      this.deps.store.changed();
    }
  }

  private async run(endpoint: EndpointRecord, generation: number): Promise<void> {
    const pending = endpoint.pending;
    if (!pending) return;
    const deployment = pending.kind === "deploy" ? pending.deployment : endpoint.live;
    let loaded: LoadedDeployment = { models: [], shapBaselines: [] };
    let failure: string | undefined;
    try {
      loaded = await this.load(deployment);
    } catch (error) {
      failure = (error as Error).message;
    }
    await this.transition(endpoint.EndpointName, this.transitionTime(endpoint, pending));
    if (!this.isCurrent(endpoint.EndpointName, generation)) return;
    const now = this.deps.now();
    if (failure !== undefined) {
      if (pending.kind === "weights") resetDesired(endpoint.live);
      failPending(endpoint, failure, now);
    } else {
      completePending(endpoint, now);
      this.deps.hosting.install(
        hostedEndpointOf(endpoint.EndpointName, endpoint.live!, loaded.models, this.deps.metrics, loaded.shapBaselines),
      );
    }
    this.deps.store.changed();
  }

  private async install(endpointName: string, deployment: Deployment): Promise<void> {
    const { models, shapBaselines } = await this.load(deployment);
    this.deps.hosting.install(hostedEndpointOf(endpointName, deployment, models, this.deps.metrics, shapBaselines));
  }

  /**
   * A restart must not fail an endpoint because S3 is briefly unreachable (the local S3 may still be
   * starting): retry such errors for up to a minute; a missing or broken artifact fails at once.
   */
  private async installRetryingWhileS3Unreachable(endpointName: string, deployment: Deployment): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.install(endpointName, deployment);
      } catch (error) {
        if (!(error instanceof S3UnreachableError) || attempt >= 30) throw error;
        await this.wait(Math.min(200 * attempt, 2_000));
      }
    }
  }

  private async load(deployment: Deployment | undefined): Promise<LoadedDeployment> {
    const all = [...(deployment?.variants ?? []), ...(deployment?.shadowVariants ?? [])];
    const models = await Promise.all(all.map((v) => this.deps.models.load(v.container)));
    const clarify = deployment?.ExplainerConfig?.ClarifyExplainerConfig;
    if (!clarify) return { models, shapBaselines: [] };
    // An invalid EnableExplanations expression fails the endpoint's creation (SageMaker developer
    // guide, clarify-online-explainability-create-endpoint-enable).
    try {
      jmespath.search([0], clarify.EnableExplanations ?? "`true`");
    } catch (error) {
      throw new Error(`Invalid EnableExplanations expression ${clarify.EnableExplanations}: ${(error as Error).message}`);
    }
    const spec = clarify.ShapConfig?.ShapBaselineConfig ?? {};
    const text = await loadShapBaselineText(spec);
    return { models, shapBaselines: models.map((m) => parseShapBaseline(text, spec.MimeType, m.numFeatures)) };
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private bump(endpointName: string): number {
    const next = (this.generation.get(endpointName) ?? 0) + 1;
    this.generation.set(endpointName, next);
    return next;
  }

  private isCurrent(endpointName: string, generation: number): boolean {
    return this.generation.get(endpointName) === generation;
  }
}
