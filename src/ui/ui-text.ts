import locale from 'virtual:locale';
import type { ChoiceClass } from '../scenario/model.ts';
import { messageFormatter } from './format-message.ts';
import type { MessageKey, Text } from './ui-messages.ts';

/**
 * Every word the interface says, from the locale file imsmanifest.xml chooses (content/locale/<tag>.yaml,
 * compiled by plugins/locale-plugin.ts). Scenario words (titles, prose, choices, pages) come from the scenario.
 *
 *   t('start')                        → "Start"
 *   t('stageOf', { stage: 2, of: 3 }) → "Stage 2 of 3"
 */
export const t = messageFormatter(locale) as Text;

/** The tag Intl formats for: dates and signed numbers written the locale's way. */
export const intlLocale = locale.intl;

/** How the guidance judges a choice: the feedback's headline and the path map's tag. */
export const choiceClassKey = {
  recommended: 'choiceRecommended',
  acceptable: 'choiceAcceptable',
  poor: 'choicePoor',
} as const satisfies Record<ChoiceClass, MessageKey>;
