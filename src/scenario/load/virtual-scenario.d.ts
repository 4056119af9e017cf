/** Served by `plugins/scenario-plugin.ts`: the validated scenario, compiled at build time. */
declare module 'virtual:scenario' {
  /** The main scenario (scenarios/boundaries.yaml). */
  const scenario: import('../model').Scenario;
  export default scenario;
  /** Every scenario in scenarios/, by id. */
  export const scenarios: Readonly<Record<string, import('../model').Scenario>>;
}
