import { PipelineError } from '@jdpipe/contracts';
import { API_KEY_ROLES, ApiKeyStore, createDataSource, runMigrations, type ApiKeyRole, type DatabaseTarget } from '@jdpipe/persistence';

import { renderTable } from '../review/text-table';

export interface KeysCommandOptions {
  name?: string;
  role?: string;
  json: boolean;
}

const USAGE = 'jdpipe keys create --name NAME --role ingest|reviewer|admin | keys list | keys revoke ID_OR_PREFIX';

/**
 * `jdpipe keys create|list|revoke`: API keys of the HTTP API, in the embedded database or, with DATABASE_URL,
 * in the service deployment's PostgreSQL. The plaintext of a key is printed once, at creation.
 */
export async function runKeysCommand(
  target: DatabaseTarget,
  args: string[],
  options: KeysCommandOptions,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const [action, id] = args;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') throw new PipelineError('INPUT.INVALID', `usage: ${USAGE}`);
  const dataSource = await createDataSource(target);
  try {
    // The embedded database belongs to this CLI, which migrates it on first use; PostgreSQL is migrated by `db migrate`.
    if (target.kind === 'pglite') await runMigrations(dataSource);
    const store = new ApiKeyStore(dataSource);
    switch (action) {
      case 'create': {
        const created = await store.create(requireOption(options.name, '--name NAME'), roleOf(options.role));
        if (options.json) {
          out(JSON.stringify({ key: created.key, ...created.record }, null, 2) + '\n');
        } else {
          out(`${created.key}\n`);
          err(`created key "${created.record.name}" (role ${created.record.role}, id ${created.record.id}); it is shown only this once\n`);
        }
        return 0;
      }
      case 'list': {
        const keys = await store.list();
        if (options.json) out(JSON.stringify(keys, null, 2) + '\n');
        else if (keys.length === 0) err('no API keys yet: jdpipe keys create --name NAME --role ingest|reviewer|admin\n');
        else
          out(
            renderTable(
              ['id', 'prefix', 'name', 'role', 'created', 'last used', 'revoked'],
              keys.map((key) => [key.id, key.prefix, key.name, key.role, key.createdAt, key.lastUsedAt ?? '-', key.revokedAt ?? '-']),
            ),
          );
        return 0;
      }
      case 'revoke': {
        const revoked = await store.revoke(requireOption(id, 'revoke ID_OR_PREFIX'));
        if (!revoked) {
          err(`no API key with id or prefix "${id}"\n`);
          return 1;
        }
        err(`revoked key "${revoked.name}" (${revoked.prefix}) at ${revoked.revokedAt}\n`);
        return 0;
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

function roleOf(role: string | undefined): ApiKeyRole {
  const known = API_KEY_ROLES.find((candidate) => candidate === role);
  if (!known) throw new PipelineError('INPUT.INVALID', `--role must be one of ${API_KEY_ROLES.join(', ')}, got "${role ?? ''}"`);
  return known;
}

function requireOption(value: string | undefined, what: string): string {
  if (!value?.trim()) throw new PipelineError('INPUT.INVALID', `missing ${what}: ${USAGE}`);
  return value;
}
