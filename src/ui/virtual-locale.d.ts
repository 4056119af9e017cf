// The interface's words, compiled from content/locale/<tag>.yaml by plugins/locale-plugin.ts.
declare module 'virtual:locale' {
  const locale: import('./format-message.ts').CompiledLocale;
  export default locale;
}
