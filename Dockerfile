# syntax=docker/dockerfile:1.7
# One image for the whole service deployment: the gateway, the four stage services, and the one-shot jobs
# (topics, migrations) that use the same compiled code. Pick the service with the CMD argument:
#   docker build -t jdpipe .
#   docker run --rm -e KAFKA_BROKERS=kafka:9092 -e DATABASE_URL=postgres://... jdpipe parser

ARG NODE_IMAGE=node:20-slim

# ---- build: install every dependency; `npm ci` runs the `prepare` script, which compiles dist/ with tsc.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# npm's update, funding and audit notices are noise in build logs.
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci
# Test files are compiled too (tsconfig.build.json includes them); the runtime never loads them.
RUN rm -rf dist/test dist/.tsbuildinfo \
  && find dist -name '*.spec.js' -o -name '*.spec.js.map' -o -name '*.int-spec.js' -o -name '*.int-spec.js.map' | xargs -r rm -f

# ---- production dependencies only; --ignore-scripts keeps `prepare` (tsc is gone by now) from running.
FROM build AS prod-deps
RUN npm prune --omit=dev --ignore-scripts

# ---- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# The `node` user of the base image, by number so that Kubernetes' runAsNonRoot can verify it.
ARG APP_UID=1000
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.base.json ./
# module-aliases.js maps @jdpipe/* to dist/ through tsconfig.base.json, so both must ship.
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts ./scripts
# The seed catalog `jdpipe db migrate` syncs into PostgreSQL; found by walking up from dist/libs/catalog.
COPY --from=build /app/libs/catalog/seed ./libs/catalog/seed
# The jdpipe CLI (node_modules/jdpipe links to apps/jdpipe) for the migration job.
COPY --from=build /app/apps/jdpipe/package.json ./apps/jdpipe/package.json
COPY --from=build /app/apps/jdpipe/bin ./apps/jdpipe/bin
# Topics as code for the topics job.
COPY --from=build /app/deploy/kafka/topics.mjs ./deploy/kafka/topics.mjs

# Liveness probe for plain `docker run`: GET /health on this container's service port, which is HTTP_PORT or
# the service's default from the compiled config (the service name is read from the running command line).
COPY <<'EOF' /app/scripts/container-healthcheck.cjs
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
require('./module-aliases.js');
const { loadServiceConfig } = require('@jdpipe/config');

function runningServiceName() {
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let argv;
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const script = argv.findIndex((arg) => arg.endsWith('scripts/start-service.js'));
    if (script >= 0 && argv[script + 1]) return argv[script + 1];
  }
  return undefined;
}

const service = runningServiceName();
if (!service) process.exit(0); // a one-shot job (topics, migrate): nothing to probe
const { httpPort } = loadServiceConfig(service);
fetch(`http://127.0.0.1:${httpPort}/health`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
EOF

USER ${APP_UID}:${APP_UID}
EXPOSE 8080 8081 8082 8083 8084
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "scripts/container-healthcheck.cjs"]
# Exec form: node is PID 1 and gets SIGTERM itself, so the service's graceful shutdown runs.
ENTRYPOINT ["node", "scripts/start-service.js"]
CMD ["gateway"]
