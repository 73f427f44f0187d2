/**
 * The part of JSON Schema that OpenAI's strict structured outputs accept, and a checker for it. The
 * provider enforces the schema while generating, but OpenAI-compatible servers may not, and an answer
 * is only trusted after it has been checked here.
 */
export type JsonSchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface JsonSchema {
  type?: JsonSchemaType | JsonSchemaType[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: ReadonlyArray<string | number | boolean | null>;
  const?: string | number | boolean | null;
  anyOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** A named schema, as the `response_format: json_schema` request field wants it. */
export interface StructuredOutputSchema {
  /** Letters, digits, `_` and `-`; shows up in the provider's logs. */
  name: string;
  schema: JsonSchema;
}

/** One reason a value does not satisfy a schema; `path` is a JSON pointer into the value. */
export interface SchemaViolation {
  path: string;
  message: string;
}

/** Every violation of `schema` by `value` (empty when it conforms), at most `limit` of them. */
export function checkAgainstSchema(value: unknown, schema: JsonSchema, limit = 20): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  visit(value, schema, '', schema, violations, limit);
  return violations;
}

function visit(value: unknown, schema: JsonSchema, path: string, root: JsonSchema, out: SchemaViolation[], limit: number): void {
  if (out.length >= limit) return;
  const report = (message: string) => {
    if (out.length < limit) out.push({ path: path || '/', message });
  };
  if (schema.$ref !== undefined) {
    const target = resolveRef(schema.$ref, root);
    if (!target) return report(`unresolvable $ref ${schema.$ref}`);
    return visit(value, target, path, root, out, limit);
  }
  if (schema.anyOf) {
    const matches = schema.anyOf.some((option) => checkAgainstSchemaWithRoot(value, option, root).length === 0);
    if (!matches) report('matches none of the allowed shapes (anyOf)');
    return;
  }
  if (schema.const !== undefined && value !== schema.const) return report(`must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    return report(`must be one of ${schema.enum.map((allowed) => JSON.stringify(allowed)).join(', ')}`);
  }
  if (schema.type !== undefined) {
    const allowedTypes = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = jsonTypeOf(value);
    const fits = allowedTypes.some((type) => type === actual || (type === 'number' && actual === 'integer'));
    if (!fits) return report(`must be ${allowedTypes.join(' or ')}, got ${actual}`);
  }
  if (typeof value === 'string') checkString(value, schema, report);
  else if (typeof value === 'number') checkNumber(value, schema, report);
  else if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) report(`must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) report(`must have at most ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, index) => visit(item, schema.items as JsonSchema, `${path}/${index}`, root, out, limit));
  } else if (isPlainObject(value)) {
    checkObject(value, schema, path, root, out, limit, report);
  }
}

function checkAgainstSchemaWithRoot(value: unknown, schema: JsonSchema, root: JsonSchema): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  visit(value, schema, '', root, violations, 1);
  return violations;
}

function checkString(value: string, schema: JsonSchema, report: (message: string) => void): void {
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) report(`must be at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined && length > schema.maxLength) report(`must be at most ${schema.maxLength} characters`);
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) report(`must match /${schema.pattern}/`);
}

function checkNumber(value: number, schema: JsonSchema, report: (message: string) => void): void {
  if (schema.minimum !== undefined && value < schema.minimum) report(`must be >= ${schema.minimum}`);
  if (schema.maximum !== undefined && value > schema.maximum) report(`must be <= ${schema.maximum}`);
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) report(`must be > ${schema.exclusiveMinimum}`);
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) report(`must be < ${schema.exclusiveMaximum}`);
}

function checkObject(
  value: Record<string, unknown>,
  schema: JsonSchema,
  path: string,
  root: JsonSchema,
  out: SchemaViolation[],
  limit: number,
  report: (message: string) => void,
): void {
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (!(name in value)) report(`is missing required property "${name}"`);
  }
  for (const [name, propertyValue] of Object.entries(value)) {
    const propertyPath = `${path}/${escapePointer(name)}`;
    const propertySchema = properties[name];
    if (propertySchema) visit(propertyValue, propertySchema, propertyPath, root, out, limit);
    else if (schema.additionalProperties === false) report(`has unexpected property "${name}"`);
    else if (typeof schema.additionalProperties === 'object')
      visit(propertyValue, schema.additionalProperties, propertyPath, root, out, limit);
  }
}

/**
 * Why `schema` would be rejected in strict mode: every object must list all its properties as
 * required and forbid others. Checked before a request is sent, since a 400 from the provider is a
 * slower and vaguer way to learn the same thing.
 */
export function strictSchemaProblems(schema: JsonSchema): string[] {
  const problems: string[] = [];
  const walk = (node: JsonSchema, path: string) => {
    const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
    if (types.includes('object') || node.properties) {
      const names = Object.keys(node.properties ?? {});
      const required = new Set(node.required ?? []);
      const optional = names.filter((name) => !required.has(name));
      if (optional.length > 0) problems.push(`${path || '/'}: properties not listed in "required": ${optional.join(', ')}`);
      if (node.additionalProperties !== false) problems.push(`${path || '/'}: "additionalProperties" must be false`);
      for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, `${path}/properties/${escapePointer(name)}`);
    }
    if (node.items) walk(node.items, `${path}/items`);
    node.anyOf?.forEach((option, index) => walk(option, `${path}/anyOf/${index}`));
    for (const [name, definition] of Object.entries(node.$defs ?? {})) walk(definition, `${path}/$defs/${escapePointer(name)}`);
  };
  walk(schema, '');
  return problems;
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isPlainObject(node) ? node[key] : undefined;
  }
  return isPlainObject(node) ? (node as JsonSchema) : undefined;
}

function jsonTypeOf(value: unknown): JsonSchemaType | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value as JsonSchemaType;
  return 'undefined';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
