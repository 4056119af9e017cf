import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../scenarios/scenario.schema.json' with { type: 'json' };
import { ID_PATTERN } from '../model.ts';
import { describePath } from './describe-path.ts';
import { closest, didYouMean } from './did-you-mean.ts';
import type { Issue, Path } from './issue.ts';
import {
  describeProperty,
  describeSchema,
  describeType,
  describeValue,
  preview,
  propertyName,
  resolveSchemaNode,
  suggestId,
  toPath,
} from './schema-words.ts';

// Draft-07 is what Ajv's default export validates without extra set-up, and what the VS Code YAML
// extension reads from the `$schema` comment at the top of each scenario.
const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

/** Every way `data` breaks the JSON Schema, in the author's terms. Empty when it conforms. */
export function schemaIssues(data: unknown): Issue[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const typos = new Set(errors.flatMap((error) => typoFor(error, data)));
  const issues: Issue[] = [];
  for (const error of errors) {
    // `titel:` is both an unknown key and a missing `title`; the unknown key, with "did you mean", says it all.
    if (error.keyword === 'required' && typos.has(keyOf(error, data, error.params.missingProperty))) continue;
    const issue = toIssue(error, data);
    if (issue) issues.push(issue);
  }
  return issues;
}

function typoFor(error: ErrorObject, data: unknown): string[] {
  if (error.keyword !== 'additionalProperties') return [];
  const allowed = Object.keys(resolveSchemaNode(error.parentSchema)?.properties ?? {});
  const meant = closest(String(error.params.additionalProperty), allowed);
  return meant === undefined ? [] : [keyOf(error, data, meant)];
}

function keyOf(error: ErrorObject, data: unknown, key: unknown): string {
  return JSON.stringify([...toPath(error.instancePath, data), String(key)]);
}

const ID_HINT = 'use letters, digits, _ and . only (at most 64 characters); the LMS records ids';

/** Top-level keys the format once had: a file that still has one is told what replaced it. */
const RETIRED_KEYS: Readonly<Record<string, { readonly message: string; readonly hint: string }>> = {
  minutes: {
    message: '"minutes" is no longer written in the scenario: the time a learner should plan for is computed',
    hint: 'delete this line; the build estimates the time from the words on the recommended path, the decisions and the reflection (npm run scenario:check prints the breakdown)',
  },
  title: {
    message:
      '"title" is no longer written in the scenario: the module\'s title is written once, in imsmanifest.xml',
    hint: 'delete this line; to change the title the learner and the LMS see, edit the organization\'s <title> in imsmanifest.xml (README: "Changing the pass mark, title or version")',
  },
};

/** Where each one-line plain-text field is shown, for the hints that ask to shorten it or keep it to a line. */
const ONE_LINE_FIELDS: Readonly<Record<string, string>> = {
  short: 'a few words naming the choice: it labels the path map and the charts',
  rationale: "one line of why the choice has its class: the trainer's report and the rationale table show it",
};

function toIssue(error: ErrorObject, data: unknown): Issue | undefined {
  const path = toPath(error.instancePath, data);
  // `where` names the object a key is missing from or extra in; `owner` the object holding a bad value.
  const where = describePath(data, path);
  const ownerPath = path.slice(0, typeof path.at(-1) === 'number' ? -2 : -1);
  const owner = ownerPath.length === 0 ? '' : ` in ${describePath(data, ownerPath)}`;
  const name = propertyName(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    // "must match then/else schema" repeats the errors found inside the branch.
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const retired = path.length === 0 ? RETIRED_KEYS[key] : undefined;
      if (retired) return { path: [key], part: 'key', code: 'retired-key', ...retired };
      const allowed = Object.keys(resolveSchemaNode(error.parentSchema)?.properties ?? {});
      return {
        path: [...path, key],
        part: 'key',
        code: 'unknown-key',
        message: `unknown key "${key}" in ${where}`,
        hint: didYouMean(key, allowed, `allowed here: ${allowed.join(', ')}`),
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return {
        path,
        part: 'key',
        code: 'missing-key',
        message: `${where} has no "${missing}"`,
        hint: `add "${missing}:" here. ${describeProperty(error.parentSchema, missing)}`,
      };
    }
    case 'dependencies':
      return {
        path: [...path, String(params.property)],
        part: 'key',
        code: 'missing-key',
        message: `${where} has an illustration but no illustrationAlt`,
        hint: 'add illustrationAlt: what the picture shows that matters to the story (WCAG 2.2 SC 1.1.1)',
      };
    case 'type':
      return typeIssue(path, owner, name, params.type, error.data);
    case 'pattern':
      return patternIssue(error, path, where, owner, name);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return {
        path,
        code: 'invalid-value',
        message: `${name}${owner} must be one of ${allowed.join(', ')}, not ${preview(error.data)}`,
        hint: didYouMean(String(error.data), allowed, `write one of: ${allowed.join(', ')}`),
      };
    }
    case 'maxLength':
      return {
        path,
        code: 'too-long',
        message: `${name}${owner} is ${String(error.data).length} characters; at most ${String(params.limit)} are allowed`,
        hint:
          name === 'summary'
            ? 'shorten it: SCORM 2004 keeps 250 characters of an interaction description for the LMS report'
            : ONE_LINE_FIELDS[name] === undefined
              ? 'shorten it'
              : `shorten it to ${ONE_LINE_FIELDS[name]}`,
      };
    case 'minLength':
      return {
        path,
        code: 'invalid-value',
        message: `${name}${owner} is empty`,
        hint: `write ${describeSchema(error.parentSchema)}`,
      };
    case 'minItems':
    case 'maxItems':
      return countIssue(path, owner, name, error);
    case 'minProperties':
      return {
        path,
        code: 'wrong-count',
        message: `${name}${owner} is empty`,
        hint:
          name === 'when'
            ? 'give at least one of chose, notChose, scoreAtLeast, scoreBelow, or remove "when"'
            : 'add at least one entry',
      };
    case 'minimum':
    case 'maximum':
      return {
        path,
        code: 'invalid-value',
        message: `${name}${owner} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}, not ${preview(error.data)}`,
        hint: describeSchema(error.parentSchema),
      };
    default:
      return {
        path,
        code: 'invalid-value',
        message: `${name}${owner}: ${error.message ?? 'does not match the schema'}`,
        hint: describeSchema(error.parentSchema),
      };
  }
}

function typeIssue(path: Path, owner: string, name: string, expected: unknown, value: unknown): Issue {
  const types = Array.isArray(expected) ? expected.map(String) : [String(expected)];
  const wanted = name === 'next' ? 'a node id or a list of branches' : types.map(describeType).join(' or ');
  let hint = `write ${wanted} here`;
  if (value === null) hint = `${name} is empty: give it a value or remove the key`;
  else if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean'))
    hint = `quote it so YAML reads text: "${String(value)}"`;
  else if (types.includes('array') && typeof value === 'string') hint = `write a list: [${value}]`;
  else if (types.includes('integer') && typeof value === 'number') hint = 'use a whole number';
  return {
    path,
    code: 'wrong-type',
    message: `${name}${owner} must be ${wanted}, not ${describeValue(value)}`,
    hint,
  };
}

function patternIssue(error: ErrorObject, path: Path, where: string, owner: string, name: string): Issue {
  const key = (error as ErrorObject & { propertyName?: string }).propertyName;
  const pattern = String((error.params as { pattern?: unknown }).pattern);
  const isId = pattern === ID_PATTERN.source;
  if (key !== undefined) {
    return {
      path: [...path, key],
      part: 'key',
      code: 'invalid-id',
      message: `"${key}" in ${where} is not a valid id`,
      hint: `${ID_HINT}, e.g. "${suggestId(key)}"`,
    };
  }
  if (isId) {
    return {
      path,
      code: 'invalid-id',
      message: `${name} ${preview(error.data)}${owner} is not a valid id`,
      hint: `${ID_HINT}, e.g. "${suggestId(String(error.data))}"`,
    };
  }
  const oneLine = ONE_LINE_FIELDS[name];
  if (oneLine !== undefined) {
    return {
      path,
      code: 'invalid-value',
      message: `${name}${owner} runs over more than one line`,
      hint: `write ${oneLine}, on one line; for a long one, start it with >- so YAML folds it into one`,
    };
  }
  if (name === 'chose item' || name === 'notChose item') {
    return {
      path,
      code: 'invalid-value',
      message: `${preview(error.data)}${owner} does not name a choice as decisionId.choiceId`,
      hint: `write decisionId.choiceId, e.g. stage1_car_park.accept_drink; ${ID_HINT}`,
    };
  }
  const hints: Readonly<Record<string, string>> = {
    version: 'write major.minor.patch in quotes, e.g. "1.0.0"',
    url: 'write the full address, starting with https://',
    illustration:
      'give the path of an .svg file relative to this scenario, e.g. ../content/media/car-park.svg',
  };
  return {
    path,
    code: 'invalid-value',
    message: `${preview(error.data)} is not a valid ${name}${owner}`,
    hint: hints[name] ?? describeSchema(error.parentSchema),
  };
}

function countIssue(path: Path, owner: string, name: string, error: ErrorObject): Issue {
  const limit = Number((error.params as { limit?: unknown }).limit);
  const count = Array.isArray(error.data) ? error.data.length : 0;
  const bound = error.keyword === 'minItems' ? `at least ${limit}` : `at most ${limit}`;
  if (name === 'choices') {
    return {
      path,
      code: 'wrong-count',
      message: `decision${owner.replace(' in node', '')} has ${count} choice${count === 1 ? '' : 's'}; it needs 2–5`,
      hint:
        count < 2
          ? 'a decision needs a real alternative: add a choice, or make this node a scene'
          : 'keep the strongest 5: more choices than that read as a quiz, not a conversation',
    };
  }
  return {
    path,
    code: 'wrong-count',
    message: `${name}${owner} has ${count} item${count === 1 ? '' : 's'}; it needs ${bound}`,
    hint: describeSchema(error.parentSchema),
  };
}
