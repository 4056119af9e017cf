import { describe, expect, it } from 'vitest';
import { analysePaths } from '../src/scenario/analyse-paths.ts';
import { estimateMinutes } from '../src/scenario/estimate-minutes.ts';
import { carPark } from '../src/scenario/fixtures/car-park.ts';
import type { Scenario } from '../src/scenario/model.ts';
import { byPoorChoices, rationaleTable, scenarioReport, timeLines } from './scenario-report.ts';
import { textTable, wrapText } from './text-table.ts';

/** The car-park fixture with a real rationale on its first choice, long enough to wrap. */
const scenario: Scenario = {
  ...carPark,
  nodes: {
    ...carPark.nodes,
    car_park: {
      ...(carPark.nodes.car_park as Extract<Scenario['nodes'][string], { kind: 'decision' }>),
      choices: (carPark.nodes.car_park?.kind === 'decision' ? carPark.nodes.car_park.choices : []).map((c) =>
        c.id === 'decline_clearly'
          ? {
              ...c,
              rationale:
                'A courteous, unmistakable no that names the professional relationship, with a note made and a senior colleague told the same day.',
            }
          : c,
      ),
    },
  },
};
const analysis = analysePaths(scenario);

describe('the scenario:check report', () => {
  it('prints the scoring rationale as a table: decision, choice, class, points by principle, total, rationale', () => {
    expect(rationaleTable(scenario, 120)).toEqual([
      '    decision  choice                class        boundary  kindness  total  rationale',
      '    car_park  decline_clearly       recommended         3         1      4  A courteous, unmistakable no that names the',
      '                                                                            professional relationship, with a note made',
      '                                                                            and a senior colleague told the same day.',
      '              deflect               acceptable          1         1      2  Rationale for deflect.',
      '              accept_drink          poor                0         0      0  Rationale for accept_drink.',
      '    message   ignore                poor                1         0      1  Rationale for ignore.',
      '              reply_professionally  recommended         3         2      5  Rationale for reply_professionally.',
      '              reply_warmly          poor                0         1      1  Rationale for reply_warmly.',
    ]);
  });

  it('puts each rationale under its row when the columns leave too little room for it', () => {
    expect(rationaleTable(scenario, 80).slice(0, 6)).toEqual([
      '    decision  choice                class        boundary  kindness  total',
      '                                    rationale',
      '    car_park  decline_clearly       recommended         3         1      4',
      '                                    A courteous, unmistakable no that names the',
      '                                    professional relationship, with a note made',
      '                                    and a senior colleague told the same day.',
    ]);
  });

  it('counts passing and failing paths for each number of poor choices on them', () => {
    expect(byPoorChoices(scenario, analysis)).toEqual([
      '              poor choices  paths  pass  fail',
      '                         0      2     2     0',
      '                         1      5     0     5',
    ]);
  });

  it('prints the time estimate with its breakdown', () => {
    // 35 words on the recommended path (0.175 min) + 2 decisions + no reflection page (10 min) = 12.175 → 15.
    expect(timeLines(estimateMinutes(scenario))).toEqual([
      '  time        15 min to plan for (12.2, rounded up to the next 5)',
      '                reading      0.2 min  35 words on the recommended path, 200 a minute',
      '                decisions    2.0 min  2 on that path, 1 minute each',
      '                reflection  10.0 min  0 words of the reflection page, plus 10 minutes of writing',
    ]);
    expect(timeLines(estimateOf(2345, 4, 412))[1]).toContain('11.7 min  2,345 words');
  });

  it('keeps every line within a 120-column terminal', () => {
    const lines = scenarioReport(scenario, analysis, 120);
    expect(lines.filter((line) => line.length > 120)).toEqual([]);
    expect(lines).toContain('  paths       7: 2 pass, 5 fail (pass mark 0.7 = 6.3 of 9)');
    expect(lines).toContain(
      '  recommended 9, passes: intro → car_park [decline_clearly] → after_clear → message [reply_professionally] →',
    );
    expect(lines).toContain('     0 fail  accept_drink → ending_referral');
  });
});

describe('textTable', () => {
  it('pads each column to its widest cell, right-aligning numbers', () => {
    expect(
      textTable(
        [{ header: 'name' }, { header: 'n', align: 'right' }],
        [{ cells: ['a', '10'] }, { cells: ['longer', '2'] }],
        { indent: 2 },
      ),
    ).toEqual(['  name     n', '  a       10', '  longer   2']);
  });
});

describe('wrapText', () => {
  it('fills words into lines of at most the width, a longer word on a line of its own', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('a verylongword b', 4)).toEqual(['a', 'verylongword', 'b']);
  });
});

function estimateOf(words: number, decisions: number, reflectionWords: number) {
  const readingMinutes = words / 200;
  const reflectionMinutes = reflectionWords / 200 + 10;
  const exactMinutes = readingMinutes + decisions + reflectionMinutes;
  return {
    readingWords: words,
    readingMinutes,
    decisions,
    decisionMinutes: decisions,
    reflectionWords,
    reflectionMinutes,
    exactMinutes,
    minutes: Math.ceil(exactMinutes / 5) * 5,
  };
}
