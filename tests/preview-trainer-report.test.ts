import { describe, expect, it } from 'vitest';
import { flattenCmi, sortedCmiEntries } from '../preview/app/flat-cmi';
import { trainerReport } from '../preview/app/trainer-report';

describe('trainerReport', () => {
  it('lists 2004 interactions with description, responses, result, latency and timestamp, in index order', () => {
    const report = trainerReport('scorm2004-4th', {
      'cmi.interactions.10.id': 'q11',
      'cmi.interactions.2.id': 'q3',
      'cmi.interactions.2.type': 'choice',
      'cmi.interactions.2.description': 'A patient asks you out',
      'cmi.interactions.2.learner_response': 'decline_politely',
      'cmi.interactions.2.correct_responses.1.pattern': 'refer',
      'cmi.interactions.2.correct_responses.0.pattern': 'decline_politely',
      'cmi.interactions.2.result': 'correct',
      'cmi.interactions.2.latency': 'PT12S',
      'cmi.interactions.2.timestamp': '2024-05-01T10:11:12',
      'cmi.interactions.2.weighting': '1',
    });
    expect(report.interactions.map((i) => i.id)).toEqual(['q3', 'q11']);
    expect(report.interactions[0]).toEqual({
      index: 2,
      id: 'q3',
      type: 'choice',
      description: 'A patient asks you out',
      learnerResponse: 'decline_politely',
      correctResponse: 'decline_politely | refer',
      result: 'correct',
      latency: 'PT12S',
      time: '2024-05-01T10:11:12',
      weighting: '1',
    });
  });

  it('reads 1.2 names: lesson status, student_response and time, with no scaled score', () => {
    const report = trainerReport('scorm12', {
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.raw': '80',
      'cmi.core.score.max': '100',
      'cmi.core.total_time': '00:10:00',
      'cmi.interactions.0.id': 'q1',
      'cmi.interactions.0.student_response': 'a',
      'cmi.interactions.0.time': '10:11:12',
    });
    expect(report.summary.slice(0, 4)).toEqual([
      ['Lesson status', 'passed'],
      ['Score raw', '80'],
      ['Score min', ''],
      ['Score max', '100'],
    ]);
    expect(report.summary.map(([label]) => label)).not.toContain('Score scaled');
    expect(report.summary).toContainEqual(['Total time', '00:10:00']);
    expect(report.interactions[0]).toMatchObject({ learnerResponse: 'a', time: '10:11:12' });
  });

  it('reports 2004 success from score.scaled against scaled_passing_score, whatever the SCO set (RTE 4.2.22)', () => {
    const status = (cmi: Record<string, string>): string | undefined =>
      trainerReport('scorm2004-4th', cmi).summary.find(([label]) => label === 'Success status')?.[1];
    expect(
      status({
        'cmi.scaled_passing_score': '0.8',
        'cmi.score.scaled': '0.5',
        'cmi.success_status': 'passed',
      }),
    ).toBe('failed');
    expect(status({ 'cmi.scaled_passing_score': '0.8', 'cmi.score.scaled': '0.8' })).toBe('passed');
    expect(status({ 'cmi.scaled_passing_score': '0.8', 'cmi.success_status': 'passed' })).toBe('unknown');
    expect(status({ 'cmi.success_status': 'passed' })).toBe('passed');
  });

  it('reports 2004 completion from progress_measure against completion_threshold (RTE 4.2.4)', () => {
    const completion = trainerReport('scorm2004-3rd', {
      'cmi.completion_threshold': '0.9',
      'cmi.progress_measure': '0.5',
      'cmi.completion_status': 'completed',
    }).summary[0];
    expect(completion).toEqual(['Completion status', 'incomplete']);
  });

  it('sums up the recorded result so review mode can tell whether it changed', () => {
    const before = trainerReport('scorm12', {
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.raw': '80',
    }).result;
    const after = trainerReport('scorm12', {
      'cmi.core.lesson_status': 'failed',
      'cmi.core.score.raw': '50',
    }).result;
    expect(before).toBe('Lesson status: passed; Score raw: 80; Score min: —; Score max: —');
    expect(after).not.toBe(before);
  });
});

describe('flattenCmi', () => {
  it('turns scorm-again’s nested JSON into dotted element names and drops empty collections', () => {
    expect(
      flattenCmi({ cmi: { core: { exit: 'suspend' }, objectives: {}, interactions: { 0: { id: 'q1' } } } }),
    ).toEqual({
      'cmi.core.exit': 'suspend',
      'cmi.interactions.0.id': 'q1',
    });
  });

  it('sorts element names with numeric indexes in number order', () => {
    expect(
      sortedCmiEntries({ 'cmi.interactions.10.id': 'b', 'cmi.interactions.2.id': 'a' }).map(([k]) => k),
    ).toEqual(['cmi.interactions.2.id', 'cmi.interactions.10.id']);
  });
});
