import { escapeXml } from '../escape-xml.ts';
import type { Scenario } from '../model.ts';
import { countedStages } from '../stages.ts';
import { fillPlaceholders, type PlaceholderValues } from './placeholders.ts';

/** Fields that hold HTML compiled from Markdown: a value put there is escaped. */
const HTML_FIELDS = new Set(['body', 'debrief', 'consequence', 'why', 'html']);

/** The values a scenario's own numbers give, beside the module's title and version. */
function scenarioValues(scenario: Scenario, module: PlaceholderValues): PlaceholderValues {
  return {
    ...module,
    stageCount: String(countedStages(scenario)),
    // A no-break space keeps "75 %" on one line.
    passMark: `${Math.round(scenario.passMark * 100)}\u00a0%`,
    minutes: String(scenario.minutes),
  };
}

/** The scenario with every placeholder in its text (pages included) replaced by its value. */
export function fillScenario(scenario: Scenario, module: PlaceholderValues): Scenario {
  const values = scenarioValues(scenario, module);
  return fill(scenario, values, false) as Scenario;
}

function fill(value: unknown, values: PlaceholderValues, html: boolean): unknown {
  if (typeof value === 'string') return fillPlaceholders(value, values, html ? escapeXml : undefined);
  if (Array.isArray(value)) return value.map((item) => fill(item, values, html));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, fill(item, values, HTML_FIELDS.has(key))]),
  );
}
