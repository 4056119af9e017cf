/**
 * Browser code for the bench's LMS page (not Node): `lms-page-html.ts` inlines `installLmsHarness.toString()`,
 * so this function must stay self-contained (no imports, no outer variables; only types from outside).
 *
 * It does what an LMS launch page does (API object first, then the SCO in an iframe) and measures from the top
 * window, so nothing is injected into the package before its first choice is shown. Every time here is the top
 * window's `performance.now()`: same-origin frames share its thread, so frame events are stamped as they run.
 */
import type {
  ApiCall,
  BenchWindowState,
  ClickRecord,
  HarnessConfig,
  PaintedHeading,
  ResourceRecord,
  ScreenControls,
} from './harness-types.ts';

export function installLmsHarness(config: HarnessConfig): void {
  const top = window as unknown as Record<string, unknown> & Window;
  const frame = document.getElementById('sco') as HTMLIFrameElement;
  const calls: ApiCall[] = [];
  const clicks: ClickRecord[] = [];
  const paints: PaintedHeading[] = [];
  let settle: () => void = () => {};
  const state: BenchWindowState = {
    calls,
    clicks,
    launchAt: null,
    firstChoice: null,
    takeoverAt: null,
    appLiveAt: null,
    paints,
    mutations: 0,
    lastActivityAt: 0,
    errors: [],
    ready: new Promise<void>((resolve) => {
      settle = resolve;
    }),
    instrumentFrame,
    describeScreen,
    resources,
  };
  top.__bench = state;

  // SCORM 2004 RTE 3.1: the SCO finds `API_1484_11` on an ancestor window. scorm-again is the LMS side; its
  // default commit is a synchronous XHR POST (its README: "SCORM-compliant synchronous commits").
  // Without the API object (`withApi` false) the page is a bare host and the SCO runs standalone.
  if (config.withApi) {
    const Api = top.Scorm2004API as new (settings: object) => Record<string, (...args: unknown[]) => string>;
    const lms = new Api({ lmsCommitUrl: config.commitUrl, autocommit: false, logLevel: 5 });
    // A resume launch: what the LMS stored from an earlier session, `entry` = resume among it.
    if (config.storedCmi) lms.loadFromJSON?.(config.storedCmi, '');
    const api: Record<string, (...args: string[]) => string> = {};
    for (const method of config.apiMethods) {
      api[method] = (...args: string[]) => {
        const start = performance.now();
        const result = String(lms[method]?.apply(lms, args) ?? '');
        const end = performance.now();
        calls.push({ method, element: args[0] ?? null, value: args[1] ?? null, result, start, end });
        state.lastActivityAt = end;
        return result;
      };
    }
    top.API_1484_11 = api;
  }

  state.launchAt = performance.now();
  frame.src = config.sco;
  const deadline = state.launchAt + config.timeoutMs;
  requestAnimationFrame(pollFirstChoice);
  requestAnimationFrame(pollFrameDocument);

  /** Once the SCO's document exists, watches each of its rendering updates (`watchPaints`). */
  function pollFrameDocument(): void {
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    if (win && doc && doc.URL !== 'about:blank') watchPaints(win, doc);
    else if (performance.now() < deadline) requestAnimationFrame(pollFrameDocument);
  }

  /**
   * In each rendering update of the SCO's document (its own rAF): notes its visible heading when it changed,
   * and the first update in which the app (not a static copy) shows an actionable control. Stops 2 s later.
   */
  function watchPaints(win: Window, doc: Document): void {
    const frameTick = () => {
      const now = performance.now();
      const heading = headingOf(doc);
      if (heading !== (paints[paints.length - 1]?.heading ?? '')) paints.push({ at: now, heading });
      if (state.appLiveAt === null && doc.querySelector('#app[data-live]') && firstActionable(doc)) {
        state.appLiveAt = now;
      }
      if (now < (state.appLiveAt === null ? deadline : state.appLiveAt + 2000))
        win.requestAnimationFrame(frameTick);
    };
    win.requestAnimationFrame(frameTick);
  }

  /** The text of the SCO's visible h1: each screen has one (src/ui/screen-heading.tsx). */
  function headingOf(doc: Document): string {
    for (const h1 of doc.querySelectorAll('h1')) {
      if (h1.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        return h1.textContent.trim();
    }
    return '';
  }

  // Polled once per frame from the top window: cheap (one querySelectorAll) until a candidate exists.
  function pollFirstChoice(): void {
    if (performance.now() > deadline) {
      state.errors.push(`no first choice (${config.selector}) within ${config.timeoutMs} ms`);
      settle();
      return;
    }
    const win = frame.contentWindow;
    const doc = frame.contentDocument;
    const candidate = doc && doc.URL !== 'about:blank' ? firstActionable(doc) : null;
    if (!win || !doc || !candidate) {
      requestAnimationFrame(pollFirstChoice);
      return;
    }
    // A frame's own rAF runs only in a rendering update of that document (none while a render-blocking
    // stylesheet loads), so its timestamp is the update that paints the control.
    win.requestAnimationFrame(() => {
      const control = firstActionable(doc);
      if (control === null) {
        requestAnimationFrame(pollFirstChoice);
        return;
      }
      const at = performance.now();
      state.firstChoice = {
        at,
        fromLaunch: at - (state.launchAt ?? 0),
        label: labelOf(control),
        kind: isInput(control) ? 'radio' : 'button',
        mainText: (doc.querySelector('main') as HTMLElement | null)?.innerText ?? '',
        frameOffset: win.performance.timeOrigin - performance.timeOrigin,
      };
      settle();
      watchTakeover(control);
    });
  }

  /** Notes when a script replaces the first control (static first screen → app), checked once per frame. */
  function watchTakeover(control: HTMLElement): void {
    const poll = () => {
      if (!control.isConnected) state.takeoverAt = performance.now();
      else if (performance.now() < deadline) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }

  function firstActionable(doc: Document): HTMLElement | null {
    for (const element of doc.querySelectorAll<HTMLElement>(config.selector)) {
      if (isActionable(element, true)) return element;
    }
    return null;
  }

  /** Enabled, rendered, not hidden, takes pointer events and, when on screen, is what a click there hits. */
  function isActionable(element: HTMLElement, hitTest: boolean): boolean {
    if (element.matches(':disabled') || element.closest('[inert]') !== null) return false;
    const doc = element.ownerDocument;
    const view = doc.defaultView;
    if (!view) return false;
    // A styled radio is often an opacity-0 input under its label: the label is then what the learner sees.
    const targets = isInput(element) ? [element, ...Array.from(element.labels ?? [])] : [element];
    return targets.some((target) => {
      if (!target.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      if (view.getComputedStyle(target).pointerEvents === 'none') return false;
      const box = target.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) return false;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (!hitTest || x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return true;
      const hit = doc.elementFromPoint(x, y);
      return hit !== null && (target.contains(hit) || element.contains(hit));
    });
  }

  // The frame's elements come from its own realm, where the top window's `HTMLInputElement` is not theirs.
  function isInput(element: HTMLElement): element is HTMLInputElement {
    return element.localName === 'input';
  }

  function labelOf(element: HTMLElement): string {
    if (isInput(element)) {
      return Array.from(element.labels ?? [])
        .map((label) => label.textContent)
        .join(' ')
        .trim();
    }
    return element.textContent.trim();
  }

  /**
   * Called before the play-through (after the first-choice figures are taken). A click's window runs from its
   * dispatch to the rendering update that paints what it changed: a ResizeObserver's first callback comes in
   * the next update after `observe`, after every rAF callback and layout, just before paint. Work deferred
   * with rAF + setTimeout (the module's `afterNextPaint`) runs after that update, so it falls outside.
   */
  function instrumentFrame(): void {
    // The frame's own constructors, so observers watch its document and `instanceof` works in its realm.
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    const doc = frame.contentDocument;
    if (!win || !doc) throw new Error('the SCO frame has no document');
    let current: ClickRecord | null = null;
    const armPaintMark = (record: ClickRecord) => {
      const observer = new win.ResizeObserver(() => {
        observer.disconnect();
        const now = performance.now();
        if (record.firstFrameAt === null) record.firstFrameAt = now;
        if (record.mutatedAt !== null && record.paintAt === null) record.paintAt = now;
      });
      observer.observe(doc.documentElement);
    };
    // Click → next screen: the first update, just before paint, whose h1 is no longer the clicked screen's.
    // Re-armed from the frame's rAF, so each observer's first callback is in the update after the last one.
    const watchScreenChange = (record: ClickRecord) => {
      const observer = new win.ResizeObserver(() => {
        observer.disconnect();
        const now = performance.now();
        if (headingOf(doc) !== record.headingBefore) record.screenAt = now;
        else if (now - record.at < 3000) win.requestAnimationFrame(() => watchScreenChange(record));
      });
      observer.observe(doc.documentElement);
    };
    new win.MutationObserver(() => {
      state.mutations += 1;
      state.lastActivityAt = performance.now();
      if (current === null || current.mutatedAt !== null) return;
      current.mutatedAt = performance.now();
      // The first update after the click came before the change: the change is painted in a later one.
      if (current.firstFrameAt !== null) armPaintMark(current);
    }).observe(doc, { subtree: true, childList: true, characterData: true, attributes: true });
    win.addEventListener(
      'click',
      (event) => {
        const target = event.target instanceof win.HTMLElement ? event.target : null;
        current = {
          at: performance.now(),
          target: target ? `${target.tagName.toLowerCase()} ${labelOf(target).slice(0, 40)}` : '',
          mutatedAt: null,
          firstFrameAt: null,
          paintAt: null,
          headingBefore: headingOf(doc),
          screenAt: null,
        };
        clicks.push(current);
        state.lastActivityAt = current.at;
        armPaintMark(current);
        watchScreenChange(current);
      },
      true,
    );
  }

  /** The controls the driver may click, as indexes into `querySelectorAll` of their selectors. */
  function describeScreen(): ScreenControls {
    const doc = frame.contentDocument;
    if (!doc) return { radios: [], submit: null, primary: null, text: '' };
    const radios = Array.from(doc.querySelectorAll<HTMLInputElement>('main input[type="radio"]'));
    const buttons = Array.from(doc.querySelectorAll<HTMLButtonElement>('main button'));
    const usable = (element: HTMLElement) => isActionable(element, false);
    const visibleRadios = radios.flatMap((radio, index) => (usable(radio) ? [index] : []));
    const confirms = (button: HTMLButtonElement) =>
      button.type === 'submit' && button.form?.querySelector('input[type="radio"]') != null;
    const submitIndex = buttons.findIndex((button) => confirms(button) && usable(button));
    // Secondary actions (copy, restart, back) are styled as such; the driver takes the main way forward.
    const primaryIndex = buttons.findIndex(
      (button) => usable(button) && !confirms(button) && !/secondary/.test(button.className),
    );
    return {
      radios: visibleRadios,
      submit: submitIndex < 0 ? null : submitIndex,
      primary: primaryIndex < 0 ? null : primaryIndex,
      text: (doc.querySelector('main') as HTMLElement | null)?.textContent.slice(0, 200) ?? '',
    };
  }

  /** The frame's navigation and resource entries, on the top window's clock. */
  function resources(): ResourceRecord[] {
    const win = frame.contentWindow;
    if (!win) return [];
    const offset = win.performance.timeOrigin - performance.timeOrigin;
    const entries = [
      ...win.performance.getEntriesByType('navigation'),
      ...win.performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return entries.map((entry) => ({
      url: entry.name,
      start: entry.startTime + offset,
      end: entry.responseEnd + offset,
      transferSize: entry.transferSize,
      encodedBodySize: entry.encodedBodySize,
      decodedBodySize: entry.decodedBodySize,
    }));
  }
}
