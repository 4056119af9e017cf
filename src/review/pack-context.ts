/** What every part of the pack reads besides the scenario itself, worked out once. */
import type { PathAnalysis } from '../scenario/analyse-paths.ts';
import type { Scenario } from '../scenario/model.ts';
import { recommendedPath } from '../scenario/recommended-path.ts';
import { type Arrival, arrivals, type ReviewOrder, reviewOrder } from './flow.ts';

/** The module's identity as imsmanifest.xml states it (plugins/module-identity.ts ModuleIdentity fits). */
export interface PackIdentity {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly provider: string;
}

export interface ReviewPackInput {
  readonly scenario: Scenario;
  readonly identity: PackIdentity;
  readonly analysis: PathAnalysis;
  /** Package path of each illustration (`media/car-park.svg`, as nodes name it) → the SVG's text. */
  readonly illustrations: Readonly<Record<string, string>>;
  /** The scenario drawn as an SVG (graph-svg.ts), shown as the scenario map; none, no map. */
  readonly graphSvg?: string;
  /** When the pack was made, as it should read ("3 December 2025"): the caller's clock keeps this pure. */
  readonly generatedOn: string;
}

export interface PackContext extends ReviewPackInput {
  readonly recommended: readonly string[];
  readonly onRecommended: ReadonlySet<string>;
  readonly order: ReviewOrder;
  readonly arrivals: ReadonlyMap<string, readonly Arrival[]>;
}

export function packContext(input: ReviewPackInput): PackContext {
  const recommended = recommendedPath(input.scenario);
  const order = reviewOrder(input.scenario, recommended);
  return {
    ...input,
    recommended,
    onRecommended: new Set(recommended),
    order,
    arrivals: arrivals(order),
  };
}
