import { describe, expect, it } from 'vitest';
import { type LmsLaunchData, planLaunch, type StoredAttempt } from '../preview/app/launch-plan';

const LMS: LmsLaunchData = {
  learnerId: 'preview',
  learnerName: 'Preview, Learner',
  masteryScore: null,
  launchData: null,
  completionThreshold: null,
};

const suspended2004: StoredAttempt = {
  attempt: 1,
  sessions: 1,
  cmi: {
    'cmi.exit': 'suspend',
    'cmi.entry': 'ab-initio',
    'cmi.session_time': 'PT30S',
    'cmi.total_time': 'PT30S',
    'cmi.location': 'q1',
    'cmi.suspend_data': 'answered=a',
    'cmi.completion_status': 'incomplete',
    'cmi.interactions.0.id': 'q1_boundaries',
    'cmi.interactions.0.type': 'choice',
    'cmi.learner_id': 'someone-else',
    'cmi.scaled_passing_score': '0.5',
    'cmi.mode': 'review',
    'cmi.score.raw': '',
  },
};

const with2004Exit = (exit: string): StoredAttempt => ({
  ...suspended2004,
  cmi: { ...suspended2004.cmi, 'cmi.exit': exit },
});

const stored12 = (exit: string): StoredAttempt => ({
  attempt: 1,
  sessions: 2,
  cmi: {
    'cmi.core.exit': exit,
    'cmi.core.lesson_status': 'passed',
    'cmi.core.total_time': '00:01:00',
    'cmi.suspend_data': 'answered=a',
    'cmi.student_data.mastery_score': '10',
  },
});

describe('planLaunch', () => {
  it('starts a first launch ab-initio with the learner, mode normal and credit', () => {
    const plan = planLaunch('scorm2004-4th', null, 'normal', LMS);
    expect(plan).toEqual({
      attempt: 1,
      startsNewAttempt: false,
      entry: 'ab-initio',
      mode: 'normal',
      startingData: {
        'cmi.learner_id': 'preview',
        'cmi.learner_name': 'Preview, Learner',
        'cmi.entry': 'ab-initio',
        'cmi.mode': 'normal',
        'cmi.credit': 'credit',
      },
    });
  });

  it('hands the manifest pass mark to the SCO under each standard’s name', () => {
    const lms = { ...LMS, masteryScore: '0.8', launchData: 'chapter=2', completionThreshold: '0.9' };
    expect(planLaunch('scorm2004-3rd', null, 'normal', lms).startingData).toMatchObject({
      'cmi.scaled_passing_score': '0.8',
      'cmi.launch_data': 'chapter=2',
      'cmi.completion_threshold': '0.9',
    });
    const scorm12 = planLaunch('scorm12', null, 'normal', { ...lms, masteryScore: '80' }).startingData;
    expect(scorm12).toMatchObject({ 'cmi.student_data.mastery_score': '80', 'cmi.launch_data': 'chapter=2' });
    expect(Object.keys(scorm12).filter((k) => k.includes('threshold'))).toEqual([]);
  });

  it('resumes a 2004 attempt after exit=suspend with the SCO’s data and total time, not its session values', () => {
    const plan = planLaunch('scorm2004-4th', suspended2004, 'normal', { ...LMS, masteryScore: '0.8' });
    expect(plan.entry).toBe('resume');
    expect(plan.attempt).toBe(1);
    expect(plan.startingData).toEqual({
      'cmi.total_time': 'PT30S',
      'cmi.location': 'q1',
      'cmi.suspend_data': 'answered=a',
      'cmi.completion_status': 'incomplete',
      'cmi.interactions.0.id': 'q1_boundaries',
      'cmi.interactions.0.type': 'choice',
      'cmi.learner_id': 'preview',
      'cmi.learner_name': 'Preview, Learner',
      'cmi.entry': 'resume',
      'cmi.mode': 'normal',
      'cmi.credit': 'credit',
      'cmi.scaled_passing_score': '0.8',
    });
  });

  it.each(['normal', '', 'logout', 'time-out'])(
    'starts the next 2004 attempt clean after exit="%s"',
    (exit) => {
      const plan = planLaunch('scorm2004-4th', with2004Exit(exit), 'normal', LMS);
      expect(plan).toMatchObject({ attempt: 2, startsNewAttempt: true, entry: 'ab-initio' });
      expect(plan.startingData['cmi.suspend_data']).toBeUndefined();
      expect(plan.startingData['cmi.total_time']).toBeUndefined();
    },
  );

  it('keeps 1.2 data after any exit, as Moodle does, with entry=resume only after suspend', () => {
    const afterLogout = planLaunch('scorm12', stored12(''), 'normal', LMS);
    expect(afterLogout).toMatchObject({ attempt: 1, startsNewAttempt: false, entry: '' });
    expect(afterLogout.startingData).toMatchObject({
      'cmi.suspend_data': 'answered=a',
      'cmi.core.lesson_status': 'passed',
      'cmi.core.total_time': '00:01:00',
      'cmi.core.entry': '',
    });
    expect(planLaunch('scorm12', stored12('suspend'), 'normal', LMS).entry).toBe('resume');
  });

  it('does not carry an old mastery score: the LMS sets its own elements on each launch', () => {
    expect(planLaunch('scorm12', stored12('suspend'), 'normal', LMS).startingData).not.toHaveProperty(
      'cmi.student_data.mastery_score',
    );
  });

  it('opens review with mode=review and credit=no-credit on the same attempt, even after 2004 exit=normal', () => {
    const plan = planLaunch('scorm2004-4th', with2004Exit('normal'), 'review', LMS);
    expect(plan).toMatchObject({ attempt: 1, startsNewAttempt: false, entry: '', mode: 'review' });
    expect(plan.startingData).toMatchObject({
      'cmi.mode': 'review',
      'cmi.credit': 'no-credit',
      'cmi.suspend_data': 'answered=a',
    });
    const scorm12 = planLaunch('scorm12', stored12('suspend'), 'review', LMS).startingData;
    expect(scorm12).toMatchObject({
      'cmi.core.lesson_mode': 'review',
      'cmi.core.credit': 'no-credit',
      'cmi.core.entry': 'resume',
    });
  });

  it('opens browse with mode=browse and credit=no-credit on the same attempt, in both standards', () => {
    const plan = planLaunch('scorm2004-4th', suspended2004, 'browse', LMS);
    expect(plan).toMatchObject({ attempt: 1, startsNewAttempt: false, entry: 'resume', mode: 'browse' });
    expect(plan.startingData).toMatchObject({ 'cmi.mode': 'browse', 'cmi.credit': 'no-credit' });
    expect(planLaunch('scorm12', stored12('suspend'), 'browse', LMS).startingData).toMatchObject({
      'cmi.core.lesson_mode': 'browse',
      'cmi.core.credit': 'no-credit',
    });
  });

  it('starts a record with no sessions yet (after New attempt) ab-initio under its own attempt number', () => {
    const plan = planLaunch('scorm2004-4th', { attempt: 3, sessions: 0, cmi: {} }, 'normal', LMS);
    expect(plan).toMatchObject({ attempt: 3, startsNewAttempt: false, entry: 'ab-initio' });
  });
});
