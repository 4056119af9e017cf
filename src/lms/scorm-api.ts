/**
 * The API objects an LMS puts on a window (SCORM 1.2 `API`, SCORM 2004 `API_1484_11`), reduced to the calls
 * this layer makes. Every method returns a string: "true"/"false" or a value (SCORM 1.2 RTE 3.3; SCORM 2004
 * RTE 3.1). A real LMS may also throw, so callers go through `ScormConnection`, never these directly.
 */

export type ScormStandard = 'scorm12' | 'scorm2004';

export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

export interface Scorm2004Api {
  Initialize(parameter: ''): string;
  Terminate(parameter: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

/** The eight calls with one spelling for both standards. */
export interface ScormCalls {
  initialize(): string;
  terminate(): string;
  getValue(element: string): string;
  setValue(element: string, value: string): string;
  commit(): string;
  getLastError(): string;
  getErrorString(code: string): string;
  getDiagnostic(code: string): string;
}

export function scorm12Calls(api: Scorm12Api): ScormCalls {
  return {
    initialize: () => api.LMSInitialize(''),
    terminate: () => api.LMSFinish(''),
    getValue: (element) => api.LMSGetValue(element),
    setValue: (element, value) => api.LMSSetValue(element, value),
    commit: () => api.LMSCommit(''),
    getLastError: () => api.LMSGetLastError(),
    getErrorString: (code) => api.LMSGetErrorString(code),
    getDiagnostic: (code) => api.LMSGetDiagnostic(code),
  };
}

export function scorm2004Calls(api: Scorm2004Api): ScormCalls {
  return {
    initialize: () => api.Initialize(''),
    terminate: () => api.Terminate(''),
    getValue: (element) => api.GetValue(element),
    setValue: (element, value) => api.SetValue(element, value),
    commit: () => api.Commit(''),
    getLastError: () => api.GetLastError(),
    getErrorString: (code) => api.GetErrorString(code),
    getDiagnostic: (code) => api.GetDiagnostic(code),
  };
}
