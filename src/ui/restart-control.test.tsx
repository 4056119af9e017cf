// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModuleApp, type ModuleAppProps } from './module-app.tsx';
import { axeViolations } from './test-fixtures/axe-violations.ts';
import { finishedContext, fixtureProps } from './test-fixtures/module-app-props.ts';
import { t } from './ui-text.ts';

afterEach(cleanup);

const endedProps = (overrides: Partial<ModuleAppProps>) =>
  fixtureProps({ nodeId: 'ending_good', context: finishedContext, ended: true, passed: false, ...overrides });

const restartButton = () => screen.queryByRole('button', { name: t('restart') });

describe.each([
  ['debrief', { name: 'debrief' }],
  ['certificate', { name: 'certificate' }],
] as const)('Starting again from the %s', (_, shown) => {
  it('is not offered when the app gives no onRestart (an LMS is recording)', () => {
    render(<ModuleApp {...endedProps({ screen: shown })} />);
    expect(restartButton()).toBeNull();
  });

  it('asks first, in the page: the question has the focus and nothing is cleared yet', async () => {
    const onRestart = vi.fn();
    const { container } = render(<ModuleApp {...endedProps({ screen: shown, onRestart })} />);
    const opener = restartButton() as HTMLButtonElement;
    expect(opener.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(opener);
    const confirm = screen.getByRole('region', { name: t('restartQuestion') });
    expect(confirm.textContent).toContain(t('restartWarning'));
    expect(document.activeElement?.textContent).toBe(t('restartQuestion'));
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    // The second click of a double click lands on the same button (a browser focuses a clicked button), which
    // only asks again and hands the focus back to the question.
    opener.focus();
    fireEvent.click(opener);
    expect(onRestart).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe(t('restartQuestion'));
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: t('restartConfirm') }));
    expect(onRestart).toHaveBeenCalledTimes(1);
  });

  it('keeps the place when the learner says no, and gives the focus back to the button', () => {
    const onRestart = vi.fn();
    render(<ModuleApp {...endedProps({ screen: shown, onRestart })} />);
    const opener = restartButton() as HTMLButtonElement;
    fireEvent.click(opener);
    fireEvent.click(screen.getByRole('button', { name: t('restartCancel') }));
    expect(screen.queryByRole('region', { name: t('restartQuestion') })).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(onRestart).not.toHaveBeenCalled();
  });
});
