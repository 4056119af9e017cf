import { describe, expect, it } from 'vitest';
import { openCmi5Session } from './cmi5-open-session.ts';
import { CMI5_SCRIPT_GLOBAL, cmi5ScriptOf } from './cmi5-script.ts';

const windowWith = (published: unknown) => ({ [CMI5_SCRIPT_GLOBAL]: published }) as unknown as Window;

describe('cmi5ScriptOf: what the cmi5 launch page’s own script handed the app', () => {
  it('is the published session opener', () => {
    expect(cmi5ScriptOf(windowWith({ openCmi5Session }))?.openCmi5Session).toBe(openCmi5Session);
  });

  it.each([
    ['nothing (a launch page without the script)', undefined],
    ['null', null],
    ['an object with no opener', {}],
    ['an opener that is not a function', { openCmi5Session: 'yes' }],
  ])('is null when the page holds %s, so the app runs standalone instead of throwing', (_, published) => {
    expect(cmi5ScriptOf(windowWith(published))).toBeNull();
  });
});
