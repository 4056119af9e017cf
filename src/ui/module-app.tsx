import { useRef } from 'preact/hooks';
import type { Scenario, ScenarioContext, ScenarioEvent } from '../scenario/model.ts';
import { useActivationGuard } from './activation-guard.ts';
import { CertificateScreen } from './certificate-screen.tsx';
import { DebriefScreen } from './debrief-screen.tsx';
import { FeedbackScreen } from './feedback-screen.tsx';
import { NodeScreen } from './node-screen.tsx';
import { NoticesRegion } from './notices-region.tsx';
import { ReflectionScreen } from './reflection-screen.tsx';
import { StartScreen } from './start-screen.tsx';
import { t } from './ui-text.ts';
import { useFocusHeading } from './use-focus-heading.ts';
import './styles/module.css';

export type Screen =
  | { name: 'start' }
  | { name: 'node' }
  | { name: 'feedback'; decisionId: string }
  | { name: 'debrief' }
  | { name: 'reflection' }
  | { name: 'certificate' };

export interface Notice {
  id: string;
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface ModuleAppProps {
  scenario: Scenario;
  /** The module's title, from imsmanifest.xml (the one place it is written): header, start and certificate. */
  title: string;
  /** Current machine node. */
  nodeId: string;
  context: ScenarioContext;
  ended: boolean;
  /** null until ended. */
  passed: boolean | null;
  /** 0–1 in force (an LMS mastery score may override the package's). */
  passMark: number;
  maxScore: number;
  minScore: number;
  /** Node ids of the recommended path, for the debrief. */
  recommendedPath: readonly string[];
  /** Who provides the module (imsmanifest.xml), named on the certificate. */
  provider: string;
  screen: Screen;
  /** Controlled navigation: the app bookmarks the screen. */
  onScreen: (s: Screen) => void;
  send: (e: ScenarioEvent) => void;
  learnerName: string | null;
  reviewing: boolean;
  notices: readonly Notice[];
  reflection: string;
  onReflection: (text: string) => void;
  timeSpentSeconds: number;
  completedAt: number | null;
  /**
   * Clears the learner's place and starts again. Only when no LMS is recording (standalone): restarting
   * would overwrite an attempt an LMS has recorded. The debrief and certificate offer it when given.
   */
  onRestart?: (() => void) | undefined;
}

/** A key per thing the learner can land on: a new node on the same 'node' screen is a new screen too. */
function screenKey(screen: Screen, nodeId: string): string {
  if (screen.name === 'node') return `node:${nodeId}`;
  if (screen.name === 'feedback') return `feedback:${screen.decisionId}`;
  return screen.name;
}

export function ModuleApp(props: ModuleAppProps) {
  const root = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);
  const key = screenKey(props.screen, props.nodeId);
  useFocusHeading(main, key);
  // The tail of a double click, a bounced key or a held one must not act on the screen it brought up.
  useActivationGuard(root, key);

  return (
    <div class="module" ref={root}>
      <a class="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header>
        <div class="module-header">
          <p class="container module-title">{props.title}</p>
        </div>
        <div class="container">
          <NoticesRegion notices={props.notices} reviewing={props.reviewing} />
        </div>
      </header>
      <div class="container">
        <main id="main" ref={main} tabIndex={-1}>
          <CurrentScreen {...props} />
        </main>
      </div>
    </div>
  );
}

function CurrentScreen(props: ModuleAppProps) {
  const { scenario, screen, onScreen, send } = props;
  switch (screen.name) {
    case 'start':
      return (
        <StartScreen
          scenario={scenario}
          title={props.title}
          resuming={props.context.answers.length > 0 || props.context.path.length > 1}
          onStart={() => onScreen({ name: 'node' })}
        />
      );
    case 'node':
      return (
        <NodeScreen
          scenario={scenario}
          nodeId={props.nodeId}
          answers={props.context.answers}
          onContinue={() => send({ type: 'CONTINUE', at: Date.now() })}
          onChoose={(choiceId) => {
            // The machine moves on first; the feedback screen then reads the answer it recorded.
            send({ type: 'CHOOSE', choiceId, at: Date.now() });
            onScreen({ name: 'feedback', decisionId: props.nodeId });
          }}
          onDebrief={() => onScreen({ name: 'debrief' })}
        />
      );
    case 'feedback':
      return (
        <FeedbackScreen
          scenario={scenario}
          decisionId={screen.decisionId}
          answers={props.context.answers}
          onContinue={() => onScreen({ name: 'node' })}
        />
      );
    case 'debrief':
      return (
        <DebriefScreen
          scenario={scenario}
          nodeId={props.nodeId}
          context={props.context}
          passed={props.passed}
          passMark={props.passMark}
          maxScore={props.maxScore}
          minScore={props.minScore}
          recommendedPath={props.recommendedPath}
          onReflection={() => onScreen({ name: 'reflection' })}
          onRestart={props.onRestart}
        />
      );
    case 'reflection':
      return (
        <ReflectionScreen
          scenario={scenario}
          reflection={props.reflection}
          onReflection={props.onReflection}
          onDebrief={() => onScreen({ name: 'debrief' })}
          onCertificate={() => onScreen({ name: 'certificate' })}
        />
      );
    case 'certificate':
      return (
        <CertificateScreen
          scenario={scenario}
          title={props.title}
          provider={props.provider}
          learnerName={props.learnerName}
          total={props.context.scores.total}
          maxScore={props.maxScore}
          passed={props.passed}
          timeSpentSeconds={props.timeSpentSeconds}
          completedAt={props.completedAt}
          onReflection={() => onScreen({ name: 'reflection' })}
          onRestart={props.onRestart}
        />
      );
  }
}
