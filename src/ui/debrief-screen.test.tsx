// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleApp, type ModuleAppProps } from './module-app.tsx';
import { finishedContext, fixtureProps } from './test-fixtures/module-app-props.ts';

afterEach(cleanup);

const debriefProps = (overrides: Partial<ModuleAppProps> = {}) =>
  fixtureProps({
    screen: { name: 'debrief' },
    nodeId: 'ending_good',
    context: finishedContext,
    ended: true,
    passed: false,
    ...overrides,
  });

const section = (name: string) =>
  screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;

describe('Debrief screen', () => {
  it('compares each choice with the recommended one', () => {
    render(<ModuleApp {...debriefProps()} />);
    const items = within(section('Your path and the recommended one'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'At stage 1 (In the car park) you chose the recommended response: “Decline kindly but clearly.”',
      'At stage 3 (Flowers at the surgery) you chose: “Ignore them.”; Recommended: “Record it and talk to your trainer.”',
    ]);
  });

  it('shows the graph with the two routes as its text alternative', () => {
    render(
      <ModuleApp
        {...debriefProps({ graphSvg: '<svg viewBox="0 0 4 4"><rect width="4" height="4"/></svg>' })}
      />,
    );
    const graph = screen.getByRole('img', {
      name: /Your path: What a stranger can see → In the car park → .* Recommended path: /,
    });
    expect(graph.querySelector('svg')).not.toBeNull();
  });

  it('writes out the two routes when there is no graph', () => {
    render(<ModuleApp {...debriefProps()} />);
    expect(section('Your path and the recommended one').textContent).toContain(
      'Recommended path: What a stranger can see → In the car park → A message arrives → Flowers at the surgery → The boundary holds.',
    );
  });

  it('gives the score per principle in words, with bars hidden from screen readers', () => {
    render(<ModuleApp {...debriefProps()} />);
    const principles = section('Your score by principle');
    expect(
      within(principles)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Keeps the boundary: 3 points (recommended path: 5)',
      'Records and seeks advice: 0 points (recommended path: 4)',
    ]);
    const bars = principles.querySelectorAll('.bar');
    expect([...bars].map((b) => b.getAttribute('aria-hidden'))).toEqual(['true', 'true']);
    expect((principles.querySelector('.bar-fill') as HTMLElement).style.width).toBe('60%');
  });

  it('gives the total, percentage, pass mark and result', () => {
    render(<ModuleApp {...debriefProps({ passMark: 0.8 })} />);
    const result = section('Your result').textContent;
    expect(result).toContain('3 points out of a possible 9 (33 %)');
    expect(result).toContain('Pass mark80 %');
    expect(result).toContain('ResultNot passed');
    expect(result).toContain('Scores in this module range from -3 to 9.');
  });

  it("shows the ending's debrief and the key points, escalation and support pages", () => {
    render(<ModuleApp {...debriefProps()} />);
    expect(section('Your ending: The boundary holds').textContent).toContain('Clear words and a record');
    for (const title of ['Key points', 'If it escalates', 'Support for you']) {
      expect(section(title)).toBeTruthy();
    }
  });

  it('offers the sources as a disclosure, closed until the learner opens it', () => {
    render(<ModuleApp {...debriefProps()} />);
    const summary = screen.getByText('Sources', { selector: 'summary' });
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(summary);
    expect(details.open).toBe(true);
  });

  it('leads on to the reflection, and offers a restart when the app allows one', () => {
    const props = debriefProps({ onRestart: () => {} });
    render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue to reflection' }));
    expect(props.onScreen).toHaveBeenCalledWith({ name: 'reflection' });
    expect(screen.getByRole('button', { name: 'Start the scenario again' })).toBeTruthy();
  });
});
