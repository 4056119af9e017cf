// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleApp } from './module-app.tsx';
import { fixtureProps } from './test-fixtures/module-app-props.ts';

afterEach(cleanup);

const decisionProps = () => fixtureProps({ screen: { name: 'node' }, nodeId: 's1_car_park' });

describe('Decision screen', () => {
  it('asks the prompt as the legend of a radio group with nothing selected', () => {
    render(<ModuleApp {...decisionProps()} />);
    const group = screen.getByRole('group', { name: 'What do you say?' });
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(group.tagName).toBe('FIELDSET');
    expect(radios).toHaveLength(2);
    expect(radios.some((r) => r.checked)).toBe(false);
  });

  it('gives the radios one name, so arrow keys move within the group', () => {
    render(<ModuleApp {...decisionProps()} />);
    const names = new Set((screen.getAllByRole('radio') as HTMLInputElement[]).map((r) => r.name));
    expect(names.size).toBe(1);
  });

  it('refuses to confirm with no choice selected and says why', () => {
    const props = decisionProps();
    render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm choice' }));

    expect(props.send).not.toHaveBeenCalled();
    const group = screen.getByRole('group', { name: 'What do you say?' });
    const error = document.getElementById(group.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('Error: Select one of the answers, then confirm your choice.');
    expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
  });

  it('clears the error once a choice is selected', () => {
    render(<ModuleApp {...decisionProps()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm choice' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Decline kindly but clearly.' }));
    expect(screen.queryByText(/Select one of the answers/)).toBeNull();
    expect(screen.getByRole('group').hasAttribute('aria-describedby')).toBe(false);
  });

  it('sends the choice, then shows its feedback, when the form is submitted', () => {
    const props = decisionProps();
    render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Decline kindly but clearly.' }));
    const form = screen.getByRole('button', { name: 'Confirm choice' }).closest('form');
    fireEvent.submit(form as HTMLFormElement);

    expect(props.send).toHaveBeenCalledWith({ type: 'CHOOSE', choiceId: 'decline', at: expect.any(Number) });
    expect(props.onScreen).toHaveBeenCalledWith({ name: 'feedback', decisionId: 's1_car_park' });
  });

  it('renders a choice label containing markup as text', () => {
    render(<ModuleApp {...decisionProps()} />);
    expect(screen.getByRole('radio', { name: 'Say yes <img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(document.querySelector('main img[src="x"]')).toBeNull();
  });

  it('starts the next decision with nothing selected', () => {
    const props = decisionProps();
    const { rerender } = render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Decline kindly but clearly.' }));
    rerender(<ModuleApp {...props} nodeId="s3_flowers" />);
    expect((screen.getAllByRole('radio') as HTMLInputElement[]).some((r) => r.checked)).toBe(false);
  });
});
