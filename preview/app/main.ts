// The preview page's entry: picks the package (?package=<name>, else the first), offers the others as the
// "Standard" switch, starts the preview LMS and exposes its test hooks as window.previewLms. Under `npm run dev`
// it also follows the authored files (live-updates.ts).
import { type PreviewPackageInfo, STANDARD_LABEL } from '../package-info.ts';
import { PREVIEW_CONFIG_ID } from '../preview-config-id.ts';
import { byId, el } from './dom.ts';
import { followLiveUpdates } from './live-updates.ts';
import { PREVIEW_LEARNER, startPreviewLms } from './preview-lms.ts';

const { packages, live } = JSON.parse(byId(PREVIEW_CONFIG_ID).textContent ?? '{}') as {
  packages: PreviewPackageInfo[];
  live?: boolean;
};
const wanted = new URLSearchParams(location.search).get('package');
const chosen = packages.find((p) => p.name === wanted) ?? packages[0];

const select = byId<HTMLSelectElement>('package-select');
select.append(
  ...packages.map((p) =>
    el(
      'option',
      { value: p.name, ...(p === chosen ? { selected: '' } : {}) },
      `${STANDARD_LABEL[p.standard]} (${p.name})`,
    ),
  ),
);
select.disabled = packages.length < 2;
// A fresh page per package: each standard gets its own API object and stored attempt.
select.addEventListener('change', () => {
  const params = new URLSearchParams(location.search);
  params.set('package', select.value);
  location.search = `?${params}`;
});

if (chosen) {
  // `?mastery-override=off`: SCORM 1.2 as in a Moodle whose "Mastery score overrides status" is No.
  const masteryOverride = new URLSearchParams(location.search).get('mastery-override') !== 'off';
  byId('package-summary').textContent = `${chosen.title} · ${STANDARD_LABEL[chosen.standard]} · learner ${
    PREVIEW_LEARNER.learnerName
  } · pass mark ${chosen.masteryScore ?? 'none in the manifest'}${
    chosen.standard === 'scorm12' && !masteryOverride ? ' · mastery score does not override status' : ''
  }`;
  for (const warning of chosen.warnings)
    byId('package-summary').after(el('p', { class: 'notice warning' }, warning));
  window.previewLms = startPreviewLms(chosen, localStorage, { masteryOverride });
  if (live) followLiveUpdates(window, window.previewLms, byId('live-problem'));
} else {
  byId('package-summary').textContent = 'No package to preview.';
}
