// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleApp } from './module-app.tsx';
import { fixtureContext, fixtureProps } from './test-fixtures/module-app-props.ts';

afterEach(cleanup);

const afterAccept = fixtureContext({
  path: ['prologue', 's1_car_park', 'ending_poor'],
  answers: [{ decisionId: 's1_car_park', choiceId: 'accept', shownAt: 1, at: 2 }],
  scores: { total: -2, byPrinciple: { boundary: -2 } },
});

describe('Feedback screen', () => {
  it('announces the feedback and moves focus to its heading after a choice', () => {
    const props = fixtureProps({ screen: { name: 'node' }, nodeId: 's1_car_park' });
    const { rerender } = render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('radio', { name: /Say yes/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm choice' }));
    // What the app does with the two calls: the machine moves on, the screen becomes the feedback.
    rerender(
      <ModuleApp
        {...props}
        nodeId="ending_poor"
        context={afterAccept}
        screen={{ name: 'feedback', decisionId: 's1_car_park' }}
      />,
    );

    const heading = screen.getByRole('heading', { level: 1 });
    expect(document.activeElement).toBe(heading);
    // What a screen reader reads on arrival after the heading: the verdict, then the consequence.
    const described = (heading.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Not recommended', 'You meet him for a drink.']);
  });

  it.each([
    ['s1_car_park', 'decline', 'Recommended response', 'recommended'],
    ['s3_flowers', 'ignore', 'Acceptable, but not the best response', 'acceptable'],
    ['s1_car_park', 'accept', 'Not recommended', 'poor'],
  ])(
    'heads the feedback on %s.%s with its class: "%s", with a mark of its own',
    (decisionId, choiceId, words, cls) => {
      const context = fixtureContext({
        path: ['prologue', decisionId],
        answers: [{ decisionId, choiceId, shownAt: 1, at: 2 }],
      });
      render(
        <ModuleApp
          {...fixtureProps({ screen: { name: 'feedback', decisionId }, nodeId: decisionId, context })}
        />,
      );
      const verdict = document.getElementById('feedback-verdict') as HTMLElement;
      expect(verdict.textContent).toBe(words);
      expect(verdict.className).toBe(`verdict verdict--${cls}`);
      const mark = verdict.querySelector('svg');
      expect(mark?.getAttribute('class')).toBe(`class-mark class-mark--${cls}`);
      expect(mark?.getAttribute('aria-hidden')).toBe('true');
    },
  );

  it('shows the choice, why, the guidance cited and the points per principle', () => {
    render(
      <ModuleApp
        {...fixtureProps({
          screen: { name: 'feedback', decisionId: 's1_car_park' },
          nodeId: 'ending_poor',
          context: afterAccept,
        })}
      />,
    );
    expect(screen.getByText('Say yes <img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('This crosses the boundary.')).toBeTruthy();
    const lists = screen.getAllByRole('list');
    expect(within(lists[0] as HTMLElement).getByRole('listitem').textContent).toBe(
      'General Medical Council: Good medical practice (2024), paragraphs 94–96',
    );
    expect(
      within(lists[1] as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Keeps the boundary: -2', 'Total for this choice: -2']);
  });

  it('continues to the node the machine is now at', () => {
    const props = fixtureProps({
      screen: { name: 'feedback', decisionId: 's1_car_park' },
      nodeId: 'ending_poor',
      context: afterAccept,
    });
    render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(props.onScreen).toHaveBeenCalledWith({ name: 'node' });
    expect(props.send).not.toHaveBeenCalled();
  });
});
