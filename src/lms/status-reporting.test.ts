import { describe, expect, it } from 'vitest';
import { reportedStatus, STATUS_REPORTINGS } from './status-reporting.ts';

// The table in status-reporting.ts, row for row: choice, learner passed, 1.2 lesson_status, 2004 completion /
// success, attempt left open.
const TABLE = [
  ['passed-failed', true, 'passed', 'completed', 'passed', false],
  ['passed-failed', false, 'failed', 'completed', 'failed', false],
  ['passed-incomplete', true, 'passed', 'completed', 'passed', false],
  ['passed-incomplete', false, 'incomplete', 'incomplete', 'failed', true],
  ['completed-failed', true, 'completed', 'completed', 'passed', false],
  ['completed-failed', false, 'failed', 'completed', 'failed', false],
  ['completed-incomplete', true, 'completed', 'completed', 'passed', false],
  ['completed-incomplete', false, 'incomplete', 'incomplete', 'failed', true],
  ['completed', true, 'completed', 'completed', 'unknown', false],
  ['completed', false, 'completed', 'completed', 'unknown', false],
] as const;

describe('reportedStatus', () => {
  it.each(TABLE)(
    '%s, passed %s: 1.2 %s; 2004 %s / %s; open %s',
    (choice, passed, lesson, completion, success, open) => {
      expect(reportedStatus(choice, passed)).toEqual({
        lessonStatus: lesson,
        completion,
        success,
        attemptOpen: open,
      });
    },
  );

  it('covers every choice, passed and failed', () => {
    expect(new Set(TABLE.map(([choice]) => choice))).toEqual(new Set(STATUS_REPORTINGS));
    expect(TABLE).toHaveLength(STATUS_REPORTINGS.length * 2);
  });

  it('leaves an attempt open exactly when a 1.2 and a 2004 LMS both hold it as incomplete', () => {
    for (const choice of STATUS_REPORTINGS) {
      for (const passed of [true, false]) {
        const status = reportedStatus(choice, passed);
        expect(status.attemptOpen).toBe(status.lessonStatus === 'incomplete');
        expect(status.attemptOpen).toBe(status.completion === 'incomplete');
      }
    }
  });
});
