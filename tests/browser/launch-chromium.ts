// The browser tests start Chromium through scripts/launch-chromium.ts, like `npm run review` and the bench.
export * from '../../scripts/launch-chromium.ts';
