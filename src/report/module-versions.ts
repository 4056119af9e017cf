/**
 * Which version of the module an export came from. A Moodle export does not say; its ids, paths and
 * recorded results do. The build gives the report every released version's decision and choice ids and pass
 * mark (scenarios/released-ids.json, pinned per version); ids keep their meaning from one version to the
 * next, so a choice's words can be shown for any version, but classes, points and paths are the current
 * version's.
 */
import type { Scenario } from '../scenario/model.ts';

/** Decision id → its choice ids, for one module version. */
export type TrackingIds = Readonly<Record<string, readonly string[]>>;

export interface ModuleHistory {
  /** The module's title (imsmanifest.xml, the one place it is written; the scenario has none). */
  readonly title: string;
  /** The module version this report was built with (imsmanifest.xml). */
  readonly current: string;
  /** Every released version's ids, oldest first. */
  readonly versions: Readonly<Record<string, TrackingIds>>;
  /** Each released version's pass mark, a share of the maximum (0–1). */
  readonly passMarks: Readonly<Record<string, number>>;
}

/** What an export's ids and records say about the version that wrote them. */
export type VersionVerdict =
  | { readonly kind: 'current' }
  | {
      readonly kind: 'other';
      /** Released versions whose ids hold every id in the file, the current one left out; may be empty. */
      readonly versions: readonly string[];
      /** `decision.choice` (or a lone decision id) the current version does not have, as recorded. */
      readonly unknownIds: readonly string[];
      /** Why it is not the current version, in words. */
      readonly reasons: readonly string[];
    };

export interface RecordedPair {
  readonly decisionId: string;
  readonly choiceId: string;
}

/**
 * `pairs` are every decision/choice pair in the export (responses and right answers); `offPath` and
 * `resultMismatches` count attempts whose choices do not make a path of the current scenario, and recorded
 * results that differ from what the current version records for that choice.
 */
export function identifyVersion(
  history: ModuleHistory,
  scenario: Scenario,
  pairs: readonly RecordedPair[],
  offPath: number,
  resultMismatches: number,
): VersionVerdict {
  const unknownIds = unique(
    pairs.flatMap(({ decisionId, choiceId }) => {
      const node = scenario.nodes[decisionId];
      if (node?.kind !== 'decision')
        return [decisionId && choiceId ? `${decisionId}.${choiceId}` : decisionId];
      return node.choices.some((c) => c.id === choiceId) ? [] : [`${decisionId}.${choiceId}`];
    }),
  ).filter(Boolean);
  const reasons: string[] = [];
  if (unknownIds.length > 0) {
    reasons.push(`${count(unknownIds.length, 'id')} that version ${history.current} does not have`);
  }
  if (offPath > 0) {
    reasons.push(`${count(offPath, 'attempt')} whose choices are not a path of version ${history.current}`);
  }
  if (resultMismatches > 0) {
    reasons.push(
      `${count(resultMismatches, 'recorded result')} that version ${history.current} would record differently`,
    );
  }
  if (reasons.length === 0) return { kind: 'current' };
  const holds = (ids: TrackingIds) =>
    pairs.every(({ decisionId, choiceId }) => (ids[decisionId] ?? []).includes(choiceId));
  const versions = Object.entries(history.versions)
    .filter(([version, ids]) => version !== history.current && holds(ids))
    .map(([version]) => version);
  return { kind: 'other', versions, unknownIds, reasons };
}

/** The pass mark for attempts of the export: that version's when exactly one fits, else the scenario's. */
export function passMarkFor(history: ModuleHistory, scenario: Scenario, verdict: VersionVerdict): number {
  if (verdict.kind === 'other' && verdict.versions.length === 1) {
    const [version] = verdict.versions;
    const mark = version === undefined ? undefined : history.passMarks[version];
    if (mark !== undefined) return mark;
  }
  return scenario.passMark;
}

/** "version 1.0.0", "version 1.0.0 or 1.0.1", or "a version this report does not know". */
export function versionName(verdict: VersionVerdict, current: string): string {
  if (verdict.kind === 'current') return `version ${current}`;
  if (verdict.versions.length === 0) return 'a version this report does not know';
  const list = verdict.versions;
  return `version ${list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
