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
  };
  export default identity;
}
