// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModuleApp, type ModuleAppProps } from './module-app.tsx';
import { finishedContext, fixtureProps } from './test-fixtures/module-app-props.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const reflectionProps = (overrides: Partial<ModuleAppProps> = {}) =>
  fixtureProps({
    screen: { name: 'reflection' },
    nodeId: 'ending_good',
    context: finishedContext,
    ...overrides,
  });

describe('Reflection screen', () => {
  it('shows the prompts from the reflection page', () => {
    render(<ModuleApp {...reflectionProps()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Reflect on your learning');
    expect(screen.getByText('What will you do differently?')).toBeTruthy();
  });

  it('passes each edit of the labelled text box to the app', () => {
    const props = reflectionProps({ reflection: 'I will' });
    render(<ModuleApp {...props} />);
    const box = screen.getByRole('textbox', { name: 'Your reflection' }) as HTMLTextAreaElement;
    expect(box.value).toBe('I will');
    fireEvent.input(box, { target: { value: 'I will decline clearly' } });
    expect(props.onReflection).toHaveBeenCalledWith('I will decline clearly');
  });

  it('copies the reflection to the clipboard and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<ModuleApp {...reflectionProps({ reflection: 'Notes for my log' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard' }));
    const status = await screen.findByText('Your reflection has been copied to the clipboard.');
    expect(status.getAttribute('role')).toBe('status');
    expect(writeText).toHaveBeenCalledWith('Notes for my log');
  });

  it('selects the text and says how to copy it when the clipboard is refused', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('NotAllowedError'));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<ModuleApp {...reflectionProps({ reflection: 'Notes for my log' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard' }));
    const box = screen.getByRole('textbox') as HTMLTextAreaElement;
    await waitFor(() => expect(screen.getByText(/press Ctrl\+C/)).toBeTruthy());
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 'Notes for my log'.length]);
  });

  it('moves between the debrief and the certificate', () => {
    const props = reflectionProps();
    render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the debrief' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue to your certificate' }));
    expect(props.onScreen).toHaveBeenNthCalledWith(1, { name: 'debrief' });
    expect(props.onScreen).toHaveBeenNthCalledWith(2, { name: 'certificate' });
  });
});
