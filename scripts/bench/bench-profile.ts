/**
 * What the bench emulates and where it looks: one place, so every run and the report agree.
 */

/**
 * The module's first actionable control: the first visible, enabled button or radio inside `main`, in
 * document order. The static floor page is measured with the same selector.
 */
export const FIRST_CHOICE_SELECTOR = 'main button, main input[type="radio"]';

/** Lighthouse's "slow 4G" (its mobile default): 150 ms RTT × 3.75, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up. */
export const NETWORK_PROFILE = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 1.5e6 / 8,
  uploadThroughput: 0.7e6 / 8,
} as const;

/** Lighthouse's mobile CPU slowdown. */
export const CPU_SLOWDOWN = 4;

/** The issue asks for the median of at least 5 runs; fewer only with `--runs` while developing. */
export const DEFAULT_RUNS = 5;

/** Every wait in the bench is bounded; these are the bounds. */
export const LIMITS = {
  /** Navigation to first choice, throttled. */
  firstChoiceMs: 60_000,
  /** After the first choice: how long the network must stay quiet before sizes are read, and the cap. */
  networkQuietMs: 1_000,
  networkQuietCapMs: 15_000,
  /** A click's screen change, and the quiet (no API call, no DOM change) that ends its settling. */
  screenChangeMs: 20_000,
  settleQuietMs: 500,
  settleCapMs: 20_000,
  /** Clicks in one play-through before the driver gives up: a path here is ~15 clicks. */
  maxClicks: 80,
} as const;
