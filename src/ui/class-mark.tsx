import type { ChoiceClass } from '../scenario/model.ts';
import './styles/class-mark.css';

/** A tick, a dash, a cross: each class has its own shape, so it never rests on colour alone (WCAG 1.4.1). */
const SHAPES: Record<ChoiceClass, string> = {
  recommended: 'M5.5 10.5l3 3 6-7',
  acceptable: 'M6 10h8',
  poor: 'M6.5 6.5l7 7m0-7l-7 7',
};

/** The class's mark beside the words that name it; hidden from assistive technology, which reads the words. */
export function ClassMark({ choiceClass }: { choiceClass: ChoiceClass }) {
  return (
    <svg
      class={`class-mark class-mark--${choiceClass}`}
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="10" cy="10" r="8.5" />
      <path d={SHAPES[choiceClass]} />
    </svg>
  );
}
