/** What the LMS page's harness (`lms-harness.ts`, run in the browser) records; the Node side reads it back. */

export interface HarnessConfig {
  /** The SCO's URL on the bench server, e.g. `/pkg/index.html`. */
  readonly sco: string;
  readonly selector: string;
  readonly commitUrl: string;
  readonly timeoutMs: number;
  readonly apiMethods: readonly string[];
  /** False: a bare host page with no API object, so the SCO runs standalone (no LMS found). */
  readonly withApi: boolean;
  /** CMI the LMS holds before the launch (scorm-again's `loadFromJSON`), for a resume launch; null: none. */
  readonly storedCmi: Readonly<Record<string, string>> | null;
}

/** The SCO's heading (its visible h1) as it changed from one painted frame to the next. */
export interface PaintedHeading {
  readonly at: number;
  readonly heading: string;
}

/** One call the SCO made to `API_1484_11`; times are the top window's `performance.now()`. */
export interface ApiCall {
  readonly method: string;
  readonly element: string | null;
  readonly value: string | null;
  readonly result: string;
  readonly start: number;
  readonly end: number;
}

export interface FirstChoice {
  /** Top window's `performance.now()`: milliseconds since the LMS page's navigation started. */
  readonly at: number;
  /** Milliseconds since the LMS page set the iframe's src (the SCO's launch). */
  readonly fromLaunch: number;
  readonly label: string;
  readonly kind: 'button' | 'radio';
  /** `main.innerText` when the first choice was shown: the floor page's text. */
  readonly mainText: string;
  /** Frame's time origin minus the top window's, in ms. */
  readonly frameOffset: number;
}

/** A click in the SCO frame and the rendering update that painted what it changed. */
export interface ClickRecord {
  readonly at: number;
  readonly target: string;
  mutatedAt: number | null;
  /** The first rendering update after the click (whether or not the DOM had changed by then). */
  firstFrameAt: number | null;
  /** The rendering update that painted the first DOM change after the click. */
  paintAt: number | null;
  /** The SCO's visible h1 when the click was dispatched. */
  readonly headingBefore: string;
  /** The first rendering update whose visible h1 differs from `headingBefore`; null if none within 3 s. */
  screenAt: number | null;
}

export interface ResourceRecord {
  readonly url: string;
  readonly start: number;
  readonly end: number;
  readonly transferSize: number;
  readonly encodedBodySize: number;
  readonly decodedBodySize: number;
}

export interface ScreenControls {
  /** Indexes into `main input[type="radio"]` of the usable radios. */
  readonly radios: readonly number[];
  /** Index into `main button` of the submit button of a form with radios (a decision's confirm). */
  readonly submit: number | null;
  /** Index into `main button` of the first button that is neither that nor styled secondary. */
  readonly primary: number | null;
  readonly text: string;
}

/** `window.__bench` in the LMS page. */
export interface BenchWindowState {
  readonly calls: ApiCall[];
  readonly clicks: ClickRecord[];
  launchAt: number | null;
  firstChoice: FirstChoice | null;
  /**
   * When the control first found was replaced (ms since the LMS page's navigation): a launch page that shows
   * static HTML first is only fully live once its script renders over it. Null while not replaced.
   */
  takeoverAt: number | null;
  /**
   * The first rendering update in which the app itself (its launch page's `#app[data-live]`, set once the
   * app has rendered) shows an actionable control: the whole module is interactive. Null until then.
   */
  appLiveAt: number | null;
  /** Every change of the SCO's visible h1 from frame to frame, from its first paint until 2 s after `appLiveAt`. */
  readonly paints: PaintedHeading[];
  mutations: number;
  lastActivityAt: number;
  readonly errors: string[];
  /** Settles once the first choice is shown or the harness gives up (then `errors` says why). */
  readonly ready: Promise<void>;
  instrumentFrame(): void;
  describeScreen(): ScreenControls;
  resources(): ResourceRecord[];
}
