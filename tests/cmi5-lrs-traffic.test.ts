import { describe, expect, it } from 'vitest';
import { cmi5Traffic, describeCmi5Traffic, type LrsRequest } from './browser/cmi5-lrs-traffic';

const LRS = 'http://127.0.0.1:3398/lrs/';
const post = (verbs: string[], bytes: number): LrsRequest => ({
  method: 'POST',
  url: `${LRS}statements`,
  bytes,
  verbs,
});
const put = (bytes: number): LrsRequest => ({
  method: 'PUT',
  url: `${LRS}activities/state?x`,
  bytes,
  verbs: [],
});
const get: LrsRequest = { method: 'GET', url: `${LRS}activities/state?y`, bytes: 0, verbs: [] };

describe('cmi5Traffic: what the AU sent its LRS, per decision and per session', () => {
  const session = [
    get,
    post(['initialized'], 900),
    post(['answered'], 1900),
    put(160),
    post(['answered'], 2000),
    put(170),
    post(['completed', 'passed'], 1800),
  ];

  it('counts the answered statements and progress documents per decision, and their mean size', () => {
    expect(cmi5Traffic(session, 2)).toEqual({
      decisions: 2,
      statementsPerDecision: 1,
      statementBytes: 1950,
      progressPutsPerDecision: 1,
      progressPutBytes: 165,
      requestsPerDecision: 2,
      bytesPerDecision: (1900 + 2000 + 160 + 170) / 2,
      sessionStatements: ['initialized', 'completed', 'passed'],
      sessionBytes: 2700,
    });
  });

  it('says when terminated, sent as the page went, was not seen', () => {
    const text = describeCmi5Traffic(cmi5Traffic(session, 2));
    expect(text).toContain('per decision: 1 "answered" statement (1950 B) + 1.00 progress PUT (165 B)');
    expect(text).toContain('then terminated as the page goes (not counted)');
    const withTerminated = describeCmi5Traffic(cmi5Traffic([...session, post(['terminated'], 700)], 2));
    expect(withTerminated).toContain('initialized, completed, passed, terminated (3400 B),');
    expect(withTerminated).not.toContain('not counted');
  });
});
