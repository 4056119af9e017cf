// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { attachPageLifecycle } from './page-lifecycle.ts';

function recordingSession() {
  const calls: string[] = [];
  return {
    calls,
    session: {
      saveProgress: (p: { location: string }) => void calls.push(`save ${p.location}`),
      commit: () => {
        calls.push('commit');
        return true;
      },
      terminate: () => void calls.push('terminate'),
    },
  };
}

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('page lifecycle', () => {
  it('saves and commits when the page is hidden, and nothing when it shows again', () => {
    const { calls, session } = recordingSession();
    const detach = attachPageLifecycle(window, session, () => ({ location: 'n1', suspendData: 's' }));
    setVisibility('hidden');
    setVisibility('visible');
    expect(calls).toEqual(['save n1', 'commit']);
    detach();
  });

  it('saves, commits and terminates on pagehide, then stops listening', () => {
    const { calls, session } = recordingSession();
    attachPageLifecycle(window, session, () => ({ location: 'n2', suspendData: 's' }));
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    setVisibility('hidden');
    expect(calls).toEqual(['save n2', 'commit', 'terminate']);
  });

  it('still commits and terminates when the snapshot fails', () => {
    const { calls, session } = recordingSession();
    attachPageLifecycle(window, session, () => {
      throw new Error('no snapshot');
    });
    window.dispatchEvent(new Event('pagehide'));
    expect(calls).toEqual(['commit', 'terminate']);
  });
});
