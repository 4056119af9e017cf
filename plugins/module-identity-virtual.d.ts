// The app's view of imsmanifest.xml, served by plugins/scorm-package-plugin.ts.
declare module 'virtual:module-identity' {
  const identity: {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    /** Who provides the module, named on the certificate. */
    readonly provider: string;
    readonly version: string;
    /** 0–1 (0.7 = 70 %), the same value the manifests give the LMS. */
    readonly passMark: number;
    /** What a finished attempt reports as its status (src/lms/status-reporting.ts). */
    readonly statusReporting: import('../src/lms/status-reporting.ts').StatusReporting;
    /** The cmi.exit a finished SCORM 2004 attempt sends (src/lms/scorm2004-session.ts). */
    readonly scorm2004ExitWhenFinished: import('../src/lms/status-reporting.ts').Scorm2004FinishedExit;
    /** The learner's language, a BCP 47 tag (content/locale/<tag>.yaml). */
    readonly locale: string;
  };
  export default identity;
}
