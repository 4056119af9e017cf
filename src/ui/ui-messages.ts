/**
 * Every message the interface shows, by key, with the values the code passes to it: the contract between the
 * code and the locale file (content/locale/<tag>.yaml, which holds the words). The build checks each locale
 * file against it: a key missing or unused, a {value} the code does not pass, a plural on a value that is not
 * a number (plugins/locale-file.ts). `t` in ui-text.ts takes exactly these values, so TypeScript checks the
 * code's side. Types only reach the bundle: the declaration itself stays in the build.
 */
type Value = 'number' | 'text';

const none = {} as const;

export const UI_MESSAGES = {
  skipLink: none,
  reviewBanner: none,
  loading: none,

  noticeNotRecording: none,
  noticeInitializeRefused: none,
  noticeUnreadableProgress: none,
  noticeRestartFailed: none,
  noticeNewTry: none,
  noticeSaveFailed: none,
  noticeSaveFailedCode: { code: 'text' },

  start: none,
  resume: none,
  aboutMinutes: { minutes: 'number' },
  outcomesHeading: none,

  stageOf: { stage: 'number', of: 'number' },
  stagesDone: { done: 'number', of: 'number' },
  scenarioComplete: none,

  continue: none,
  readMore: none,
  confirmChoice: none,
  noChoiceError: none,
  errorPrefix: none,
  nodeMissing: none,
  toDebrief: none,

  feedbackHeading: none,
  youChose: none,
  choiceRecommended: none,
  choiceAcceptable: none,
  choicePoor: none,
  whyHeading: none,
  guidanceHeading: none,
  citation: { publisher: 'text', title: 'text' },
  citedParagraph: { citation: 'text', paragraph: 'text' },
  citedParagraphs: { citation: 'text', paragraph: 'text' },
  pointsHeading: none,
  principlePoints: { principle: 'text', points: 'text' },
  pointsTotal: { points: 'text' },
  feedbackMissing: none,

  debriefHeading: none,
  scoreHeading: none,
  scoreLabel: none,
  totalScore: { total: 'number', max: 'number', percent: 'number' },
  scoreRange: { min: 'number', max: 'number' },
  passMarkLabel: none,
  passMark: { percent: 'number' },
  resultLabel: none,
  passed: none,
  notPassed: none,
  notFinished: none,
  yourEnding: { title: 'text' },
  pathHeading: none,
  stepTitle: { stage: 'number', title: 'text' },
  unnumberedStepTitle: { stage: 'text', title: 'text' },
  yourChoice: none,
  recommendedChoice: none,
  notReached: none,
  endingStep: none,
  yourEndingLabel: none,
  recommendedEnding: none,
  sameEnding: none,
  principlesHeading: none,
  principleLabel: { principle: 'text' },
  principleScore: { points: 'number', reference: 'number' },
  toReflection: none,

  restart: none,
  restartQuestion: none,
  restartWarning: none,
  restartConfirm: none,
  restartCancel: none,

  reflectionHeading: none,
  reflectionLabel: none,
  reflectionHint: none,
  copy: none,
  copied: none,
  copySelected: none,
  copyEmpty: none,
  backToDebrief: none,
  toCertificate: none,

  certificateHeading: none,
  certifies: none,
  completed: none,
  nameLabel: none,
  nameBlank: none,
  version: { version: 'text' },
  dateLabel: none,
  timeLabel: none,
  nominalTimeLabel: none,
  nominalTime: { duration: 'text' },
  durationMinutes: { minutes: 'number' },
  durationHours: { hours: 'number' },
  durationHoursMinutes: { hours: 'number', minutes: 'number' },
  providerLabel: none,
  outcomesCertHeading: none,
  cpdStatement: none,
  evidenceStatement: none,
  print: none,
  backToReflection: none,
} as const satisfies Record<string, Readonly<Record<string, Value>>>;

export type MessageKey = keyof typeof UI_MESSAGES;

type Declared<K extends MessageKey> = (typeof UI_MESSAGES)[K];

/** The values message `K` is given: numbers as numbers (the formatter writes them the locale's way). */
export type MessageValues<K extends MessageKey> = {
  readonly [V in keyof Declared<K>]: Declared<K>[V] extends 'number' ? number : string;
};

/** Message `key` in the learner's words, given its values: `t('stageOf', { stage: 2, of: 3 })`. */
export type Text = <K extends MessageKey>(
  key: K,
  ...values: keyof MessageValues<K> extends never ? [] : [MessageValues<K>]
) => string;
