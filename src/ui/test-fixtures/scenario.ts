import type { ContentPage, Scenario } from '../../scenario/model.ts';

function page(id: string, title: string, html: string): ContentPage {
  return { id, title, html };
}

/**
 * A small scenario for UI tests: prologue → stage 1 decision → stage 2 scene → stage 3 decision → two endings.
 * Prose fields are HTML as the build compiles them (raw HTML escaped); `label`, `prompt` and titles are text.
 */
export const fixtureScenario: Scenario = {
  id: 'fixture',
  version: '0.1.0',
  minutes: 60,
  passMark: 0.7,
  outcomes: [
    { id: 'lo_decline', text: 'Decline a patient’s advance kindly and clearly.' },
    { id: 'lo_record', text: 'Record an advance and tell a colleague.' },
  ],
  principles: [
    { id: 'boundary', label: 'Keeps the boundary', description: 'Makes the relationship professional only.' },
    { id: 'record', label: 'Records and seeks advice', description: 'Writes it down and asks for help.' },
  ],
  references: [
    { id: 'gmp2024', title: 'Good medical practice (2024)', publisher: 'General Medical Council' },
    { id: 'mdu', title: 'MDU advice on social media', publisher: 'Medical Defence Union' },
  ],
  stages: [
    { id: 'prologue', title: 'Prologue' },
    { id: 's1', title: 'An invitation', number: 1 },
    { id: 's2', title: 'A message', number: 2 },
    { id: 's3', title: 'Flowers', number: 3 },
  ],
  start: 'prologue',
  nodes: {
    prologue: {
      kind: 'scene',
      id: 'prologue',
      stage: 'prologue',
      title: 'What a stranger can see',
      body: '<p>Dr Patel’s profile is public. &lt;script&gt;alert(1)&lt;/script&gt;</p>',
      illustration: 'media/profile.svg',
      illustrationAlt: 'A social-network profile showing a workplace.',
      pages: ['privacy_checklist'],
      next: [{ goto: 's1_car_park' }],
    },
    s1_car_park: {
      kind: 'decision',
      id: 's1_car_park',
      stage: 's1',
      title: 'In the car park',
      body: '<p>A patient asks you out for a drink.</p>',
      prompt: 'What do you say?',
      summary: 'Stage 1 – patient asks the GP out',
      recommended: 'decline',
      choices: [
        {
          id: 'decline',
          label: 'Decline kindly but clearly.',
          short: 'Declined kindly and clearly',
          class: 'recommended',
          rationale: 'A clear, kind no is what the guidance asks for.',
          score: { boundary: 3, record: 1 },
          total: 4,
          feedback: {
            consequence: '<p>He apologises and leaves.</p>',
            why: '<p>A clear refusal restores the boundary.</p>',
            guidance: [{ ref: 'gmp2024', para: '86' }, { ref: 'mdu' }],
          },
          next: [{ goto: 's2_message' }],
        },
        {
          id: 'accept',
          label: 'Say yes <img src=x onerror=alert(1)>',
          short: 'Said yes <b>to a drink</b>',
          class: 'poor',
          rationale: 'Pursues a relationship with a current patient.',
          score: { boundary: -2 },
          total: -2,
          feedback: {
            consequence: '<p>You meet him for a drink.</p>',
            why: '<p>This crosses the boundary.</p>',
            guidance: [{ ref: 'gmp2024', para: '94–96' }],
          },
          next: [{ goto: 'ending_poor' }],
        },
      ],
    },
    s2_message: {
      kind: 'scene',
      id: 's2_message',
      stage: 's2',
      title: 'A message arrives',
      body: '<p>He sends you a friend request.</p>',
      next: [{ goto: 's3_flowers' }],
    },
    s3_flowers: {
      kind: 'decision',
      id: 's3_flowers',
      stage: 's3',
      title: 'Flowers at the surgery',
      body: '<p>Lilies arrive with a card.</p>',
      prompt: 'What do you do?',
      summary: 'Stage 3 – flowers arrive',
      recommended: 'record',
      choices: [
        {
          id: 'record',
          label: 'Record it and talk to your trainer.',
          short: 'Recorded it, told trainer',
          class: 'recommended',
          rationale: 'A record and early advice protect patient and doctor.',
          score: { boundary: 2, record: 3 },
          total: 5,
          feedback: {
            consequence: '<p>Your trainer helps you plan.</p>',
            why: '<p>A record protects you both.</p>',
            guidance: [{ ref: 'mdu' }],
          },
          next: [{ goto: 'ending_good' }],
        },
        {
          id: 'ignore',
          label: 'Ignore them.',
          short: 'Ignored the flowers',
          class: 'acceptable',
          rationale: 'No harm done, but nothing recorded.',
          score: { record: -1 },
          total: -1,
          feedback: {
            consequence: '<p>Nothing happens, for now.</p>',
            why: '<p>Unrecorded, the pattern is invisible.</p>',
            guidance: [],
          },
          next: [{ goto: 'ending_good' }],
        },
      ],
    },
    ending_good: {
      kind: 'ending',
      id: 'ending_good',
      title: 'The boundary holds',
      body: '<p>He registers with another practice.</p>',
      outcome: 'good',
      debrief: '<p>Clear words and a record kept you safe.</p>',
    },
    ending_poor: {
      kind: 'ending',
      id: 'ending_poor',
      title: 'A complaint to the GMC',
      body: '<p>The practice manager hears about the drink.</p>',
      outcome: 'poor',
      debrief: '<p>Accepting crossed the line.</p>',
    },
  },
  pages: {
    start: page('start', 'About this module', '<p>Plan for about an hour. Progress is saved.</p>'),
    key_points: page('key_points', 'Key points', '<ul><li>Be polite, be clear.</li></ul>'),
    if_it_escalates: page('if_it_escalates', 'If it escalates', '<p>Call your defence body.</p>'),
    support: page('support', 'Support for you', '<p>Talk to your trainer.</p>'),
    privacy_checklist: page('privacy_checklist', 'Privacy checklist', '<p>Lock down your profile.</p>'),
    reflection: page(
      'reflection',
      'Reflect on your learning',
      '<ol><li>What will you do differently?</li></ol>',
    ),
    about_cpd: page('about_cpd', 'Logging this as CPD', '<p>Add it to your learning log.</p>'),
    sources: page('sources', 'Sources', '<p>GMC, MDU.</p>'),
  },
};

/** The path a learner took to the good ending by the recommended choices. */
export const recommendedPath = [
  'prologue',
  's1_car_park',
  's2_message',
  's3_flowers',
  'ending_good',
] as const;
