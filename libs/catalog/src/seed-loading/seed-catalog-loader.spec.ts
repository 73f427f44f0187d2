import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { checkCatalog } from '../catalog-check/check-catalog';
import { loadSeedCatalog } from './seed-catalog-loader';

const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function seedFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jdpipe-seed-'));
  folders.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const DOMAINS = '- {slug: software-engineering, name: Software Engineering, keywords: [software]}\n';
const DIMENSIONS = '- {slug: backend-api-development, name: Backend API Development}\n';
const ROLE = `- slug: backend-engineer
  name: Backend Engineer
  domain: software-engineering
  aliases: [Backend Developer]
  kras: [Build APIs, Integrate databases, Review code, Write tests, Deploy services]
  coreSkills: [go-lang]
  dimensions: [backend-api-development]
`;

describe('loadSeedCatalog', () => {
  it('reads skills with their canonical name as an alias and typed alias specs', () => {
    const dir = seedFolder({
      'domains.yaml': DOMAINS,
      'dimensions/a.yaml': DIMENSIONS,
      'roles/a.yaml': ROLE,
      'skills/a.yaml': `- slug: go-lang
  name: Go
  category: Programming Languages
  nature: LANGUAGE
  nameMatch: case_sensitive
  nameContext: [golang, developer]
  aliases: [Golang, {text: GO, match: case_sensitive}]
  dimensions: [backend-api-development]
`,
    });
    const { catalog, problems, contentHash } = loadSeedCatalog(dir);
    assert.deepEqual(problems, []);
    const go = catalog.skills[0]!;
    assert.deepEqual(
      go.aliases.map((a) => [a.text, a.type, a.match]),
      [
        ['Go', 'canonical', 'case_sensitive'],
        ['Golang', 'synonym', 'case_insensitive'],
        ['GO', 'abbreviation', 'case_sensitive'],
      ],
    );
    assert.deepEqual(go.aliases[0]!.context, ['golang', 'developer']);
    assert.equal(go.volatility, 'LOW', 'a language defaults to low volatility');
    assert.deepEqual(checkCatalog(catalog), []);
    assert.match(contentHash, /^[0-9a-f]{16}$/);
    assert.equal(loadSeedCatalog(dir).contentHash, contentHash, 'the hash is stable for the same files');
  });

  it('reports malformed entries with file and entry instead of throwing', () => {
    const dir = seedFolder({
      'domains.yaml': DOMAINS,
      'skills/bad.yaml': '- slug: Not Kebab\n  name: X\n  category: C\n  nature: WIZARDRY\n- just text\n',
      'roles/broken.yaml': 'slug: [unclosed',
    });
    const { problems } = loadSeedCatalog(dir);
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /not kebab-case/);
    assert.match(messages, /nature "WIZARDRY"/);
    assert.match(messages, /not a mapping/);
    assert.match(messages, /invalid YAML|top-level list/);
  });
});

describe('checkCatalog', () => {
  it('finds duplicate aliases across skills, dangling links, thin roles and empty dimensions', () => {
    const dir = seedFolder({
      'domains.yaml': DOMAINS,
      'dimensions/a.yaml': DIMENSIONS + '- {slug: unused-dimension, name: Unused}\n',
      'roles/a.yaml': `- slug: thin-role
  name: Thin Role
  domain: nowhere
  aliases: [Node Developer]
  kras: [One thing]
  coreSkills: [missing-skill]
  dimensions: [missing-dimension]
`,
      'skills/a.yaml': `- {slug: node-js, name: Node.js, category: Runtimes, nature: PLATFORM, dimensions: [backend-api-development]}
- {slug: nodejs-copy, name: NodeJS, category: Runtimes, nature: PLATFORM, dimensions: [no-such-dimension]}
`,
    });
    const codes = checkCatalog(loadSeedCatalog(dir).catalog)
      .map((f) => f.code)
      .sort();
    assert.deepEqual(codes, [
      'CATALOG.DANGLING_DIMENSION',
      'CATALOG.DANGLING_DIMENSION',
      'CATALOG.DANGLING_SKILL',
      'CATALOG.DUPLICATE_ALIAS',
      'CATALOG.EMPTY_DIMENSION',
      'CATALOG.TOO_FEW_KRAS',
      'CATALOG.UNKNOWN_DOMAIN',
    ]);
  });
});

describe('the shipped seed catalog', () => {
  it('is large enough, covers every domain and passes its checks', () => {
    const { catalog, problems } = loadSeedCatalog();
    assert.deepEqual(problems, []);
    const errors = checkCatalog(catalog).filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
    assert.ok(catalog.skills.length >= 1500, `${catalog.skills.length} skills`);
    assert.ok(catalog.roles.length >= 100, `${catalog.roles.length} roles`);
    const domainsWithRoles = new Set(catalog.roles.map((r) => r.domain));
    for (const domain of catalog.domains) assert.ok(domainsWithRoles.has(domain.slug), `no role in ${domain.slug}`);
    for (const role of catalog.roles) assert.ok(role.kras.length >= 5 && role.coreSkills.length > 0, role.slug);
  });
});
