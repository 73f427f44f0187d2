/** One labelled job title: the title as a vacancy wrote it and the occupation label it means. */
export interface TitleCase {
  text: string;
  label: string;
}

/**
 * Reads a `text,label` CSV (header first, RFC 4180 quoting: "a, b" and doubled quotes inside). Rows without
 * both fields are returned as problems with their line, not dropped silently.
 */
export function parseTitleCases(csv: string): { cases: TitleCase[]; problems: Array<{ line: number; message: string }> } {
  const records = splitCsvRecords(csv);
  const header = records.shift();
  const textColumn = header?.fields.findIndex((field) => field.trim().toLowerCase() === 'text') ?? -1;
  const labelColumn = header?.fields.findIndex((field) => field.trim().toLowerCase() === 'label') ?? -1;
  if (textColumn < 0 || labelColumn < 0)
    return { cases: [], problems: [{ line: 1, message: 'header must name the columns text and label' }] };
  const cases: TitleCase[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  for (const { line, fields } of records) {
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    const text = fields[textColumn]?.trim() ?? '';
    const label = fields[labelColumn]?.trim() ?? '';
    if (!text || !label) problems.push({ line, message: `expected text and label, got ${fields.length} field(s)` });
    else cases.push({ text, label });
  }
  return { cases, problems };
}

/** Cases of `cases` whose (title, label) pair does not occur in `held`, compared case-insensitively. */
export function withoutPairsIn(cases: readonly TitleCase[], held: readonly TitleCase[]): TitleCase[] {
  const heldKeys = new Set(held.map(pairKey));
  return cases.filter((titleCase) => !heldKeys.has(pairKey(titleCase)));
}

function pairKey(titleCase: TitleCase): string {
  return `${titleCase.text.toLowerCase()}\u0000${titleCase.label.toLowerCase()}`;
}

function splitCsvRecords(csv: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let index = 0; index < csv.length; index++) {
    const char = csv[index]!;
    if (quoted) {
      if (char === '"' && csv[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && csv[index + 1] === '\n') index++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}
