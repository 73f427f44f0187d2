import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { checkAgainstSchema, type JsonSchema, strictSchemaProblems } from './json-schema';

const ROLE_CHOICE: JsonSchema = {
  type: 'object',
  properties: {
    roleSlug: { type: ['string', 'null'] },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    reasoning: { type: 'string', maxLength: 40 },
    kind: { type: 'string', enum: ['existing', 'new'] },
    evidence: { type: 'array', items: { $ref: '#/$defs/span' }, maxItems: 2 },
  },
  required: ['roleSlug', 'confidence', 'reasoning', 'kind', 'evidence'],
  additionalProperties: false,
  $defs: {
    span: {
      type: 'object',
      properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer' } },
      required: ['start', 'end'],
      additionalProperties: false,
    },
  },
};

const VALID = {
  roleSlug: 'backend-engineer',
  confidence: 0.8,
  reasoning: 'Python services',
  kind: 'existing',
  evidence: [{ start: 0, end: 5 }],
};

describe('checkAgainstSchema', () => {
  it('accepts a conforming value, nulls allowed by a type union included', () => {
    assert.deepEqual(checkAgainstSchema(VALID, ROLE_CHOICE), []);
    assert.deepEqual(checkAgainstSchema({ ...VALID, roleSlug: null, kind: 'new' }, ROLE_CHOICE), []);
  });

  it('reports each violation with its JSON pointer', () => {
    const violations = checkAgainstSchema(
      { roleSlug: 7, confidence: 1.5, reasoning: 'x'.repeat(41), kind: 'ceo', evidence: [{ start: -1, end: 2.5 }], extra: true },
      ROLE_CHOICE,
    );

    assert.deepEqual(
      violations.map((violation) => violation.path),
      ['/roleSlug', '/confidence', '/reasoning', '/kind', '/evidence/0/start', '/evidence/0/end', '/'],
    );
    assert.match(violations[3]!.message, /must be one of "existing", "new"/);
    assert.match(violations[6]!.message, /unexpected property "extra"/);
  });

  it('reports missing required properties and wrong array sizes', () => {
    const withoutEvidence: Record<string, unknown> = { ...VALID };
    delete withoutEvidence.evidence;

    assert.match(checkAgainstSchema(withoutEvidence, ROLE_CHOICE)[0]!.message, /missing required property "evidence"/);
    const tooMany = { ...VALID, evidence: [VALID.evidence[0], VALID.evidence[0], VALID.evidence[0]] };
    assert.match(checkAgainstSchema(tooMany, ROLE_CHOICE)[0]!.message, /at most 2 items/);
  });

  it('checks anyOf, const and patterns', () => {
    const schema: JsonSchema = { anyOf: [{ type: 'string', pattern: '^[a-z-]+$' }, { const: 42 }] };

    assert.deepEqual(checkAgainstSchema('python-dev', schema), []);
    assert.deepEqual(checkAgainstSchema(42, schema), []);
    assert.equal(checkAgainstSchema('Python Dev', schema).length, 1);
  });

  it('rejects a non-object where an object is required', () => {
    assert.match(checkAgainstSchema([VALID], ROLE_CHOICE)[0]!.message, /must be object, got array/);
    assert.match(checkAgainstSchema('{}', ROLE_CHOICE)[0]!.message, /must be object, got string/);
  });
});

describe('strictSchemaProblems', () => {
  it('accepts a schema that strict structured outputs accept', () => {
    assert.deepEqual(strictSchemaProblems(ROLE_CHOICE), []);
  });

  it('finds optional properties and open objects, nested ones included', () => {
    const problems = strictSchemaProblems({
      type: 'object',
      properties: { a: { type: 'object', properties: { b: { type: 'string' } }, required: [] } },
      required: ['a'],
      additionalProperties: false,
    });

    assert.deepEqual(problems, [
      '/properties/a: properties not listed in "required": b',
      '/properties/a: "additionalProperties" must be false',
    ]);
  });
});
