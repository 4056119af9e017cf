// Shared by the server (Node) and the preview page (browser): what the page needs to launch one package.

export type PreviewStandard = 'scorm12' | 'scorm2004-2nd' | 'scorm2004-3rd' | 'scorm2004-4th';

export const STANDARD_LABEL: Readonly<Record<PreviewStandard, string>> = {
  scorm12: 'SCORM 1.2',
  'scorm2004-2nd': 'SCORM 2004 2nd Edition',
  'scorm2004-3rd': 'SCORM 2004 3rd Edition',
  'scorm2004-4th': 'SCORM 2004 4th Edition',
};

export function isScorm12(standard: PreviewStandard): boolean {
  return standard === 'scorm12';
}

/** What the manifest says about launching its first SCO. */
export interface ManifestInfo {
  readonly identifier: string;
  readonly title: string;
  readonly standard: PreviewStandard;
  /** The first item's resource href with xml:base and the item's parameters applied, relative to the zip root. */
  readonly launchHref: string;
  /** 1.2 `adlcp:masteryscore` (0–100) or 2004 `minNormalizedMeasure` (-1..1) when `satisfiedByMeasure`. */
  readonly masteryScore: string | null;
  /** `adlcp:datafromlms` / `adlcp:dataFromLMS`, handed to the SCO as `cmi.launch_data`. */
  readonly launchData: string | null;
  /** 2004 only: `cmi.completion_threshold`. */
  readonly completionThreshold: string | null;
  /** Things an LMS might trip over that do not stop the preview. */
  readonly warnings: readonly string[];
}

/** One package as the preview page sees it. */
export interface PreviewPackageInfo extends ManifestInfo {
  /** URL-safe name, unique on this server; also the localStorage key. */
  readonly name: string;
  /** Absolute path on the preview server, e.g. `/packages/x-scorm12/index.html`. */
  readonly launchUrl: string;
}
