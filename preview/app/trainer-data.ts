// What the trainer view reads a stored attempt against: the scenario and the module's version history. Built
// into the preview page; under `npm run dev` replaced from the dev server after each clean edit and when the page
// loads (live-updates.ts), so the view reads the authored files as they are now, not as they were at start.
import bakedScenario from 'virtual:scenario';
import bakedHistory from 'virtual:trainer-report';
import type { ModuleHistory } from '../../src/report/module-versions.ts';
import type { Scenario } from '../../src/scenario/model.ts';

export interface TrainerData {
  readonly scenario: Scenario;
  readonly history: ModuleHistory;
}

let current: TrainerData = { scenario: bakedScenario, history: bakedHistory };

export function trainerData(): TrainerData {
  return current;
}

export function replaceTrainerData(next: TrainerData): void {
  current = next;
}
