/** Served by `plugins/trainer-report-plugin.ts`: every released version's ids and pass mark, and the current one. */
declare module 'virtual:trainer-report' {
  const history: import('../report/module-versions.ts').ModuleHistory;
  export default history;
}
