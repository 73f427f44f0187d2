#!/usr/bin/env node
// Keeps the deployment files consistent with the code: deploy/compose/compose.yaml, every manifest in
// deploy/k8s/, the Dockerfile and .dockerignore. It reads the facts from the sources (service names from
// apps/*, default ports and the shutdown grace from libs/platform/config, the environment variables each
// library reads) and fails when a deployment file disagrees with them.
//
//   node deploy/check-deploy.mjs        prints a short report; exit 1 on any mismatch
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const composeFile = join(repoRoot, 'deploy/compose/compose.yaml');
const k8sDir = join(repoRoot, 'deploy/k8s');
const topicsScript = 'deploy/kafka/topics.mjs';
const migrateCli = 'apps/jdpipe/bin/jdpipe.js';
/** Schedulable CPU on the 2-core node the manifests are sized for, minus what system pods usually take. */
const NODE_CPU_BUDGET_MILLI = 1800;

// ------------------------------------------------------------------ report

const failures = [];
let passed = 0;
const sections = [];

function section(title) {
  sections.push({ title, failures: 0, passed: 0 });
}

function expect(condition, message) {
  const current = sections.at(-1);
  if (condition) {
    passed += 1;
    current.passed += 1;
  } else {
    failures.push(`[${current.title}] ${message}`);
    current.failures += 1;
  }
  return condition;
}

// ------------------------------------------------------------------ facts from the code

const read = (path) => readFileSync(join(repoRoot, path), 'utf8');

function sourceFiles(dir, extensions) {
  const absolute = join(repoRoot, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true })
    .map((entry) => join(absolute, String(entry)))
    .filter((file) => extensions.some((extension) => file.endsWith(extension)))
    .filter((file) => !/\.(int-)?spec\.[cm]?[jt]s$/.test(file) && statSync(file).isFile());
}

// Comment lines may name variables the code no longer reads; only code counts.
function withoutComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
}

const ENV_READS = [
  /\benv\.([A-Z][A-Z0-9_]*)\b/g, // env.X and process.env.X
  /\benv\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]/g, // env['X']
  /\benv\s*,\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g, // readSetting(env, 'X', ...): helpers that read env[name]
];

function envNamesReadIn(files) {
  const names = new Set();
  for (const file of files) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const pattern of ENV_READS) for (const match of code.matchAll(pattern)) names.add(match[1]);
  }
  return names;
}

/** `OTEL_EXPORTER_OTLP_{TRACES,METRICS}_ENDPOINT` -> both names. */
function documentedOtelNames(markdown) {
  const names = new Set();
  for (const [token] of markdown.matchAll(/OTEL_[A-Z0-9_]*(?:\{[A-Z0-9_,]+\}[A-Z0-9_]*)?/g)) {
    const brace = token.match(/^(.*)\{([^}]+)\}(.*)$/);
    if (brace) for (const part of brace[2].split(',')) names.add(`${brace[1]}${part}${brace[3]}`);
    else names.add(token);
  }
  return names;
}

function union(...sets) {
  return new Set(sets.flatMap((set) => [...set]));
}

const PLATFORM_LIBS = [
  'libs/platform/config/src',
  'libs/platform/kafka/src',
  'libs/platform/telemetry/src',
  'libs/platform/runtime/src',
  'libs/http-api/src',
  'apps/gateway/src',
];
const serviceEnv = union(
  envNamesReadIn(PLATFORM_LIBS.flatMap((dir) => sourceFiles(dir, ['.ts']))),
  documentedOtelNames(read('libs/platform/telemetry/README.md')),
);
const topicsEnv = envNamesReadIn([join(repoRoot, topicsScript)]);
const migrateEnv = union(serviceEnv, envNamesReadIn(sourceFiles('apps/jdpipe/src', ['.ts'])));

const appNames = readdirSync(join(repoRoot, 'apps'))
  .filter(
    (name) => existsSync(join(repoRoot, 'apps', name, 'src/main.ts')) && existsSync(join(repoRoot, 'apps', name, 'src/app.module.ts')),
  )
  .sort();
const startableServices = [
  ...read('scripts/start-service.js')
    .match(/SERVICES\s*=\s*\[([^\]]*)\]/)[1]
    .matchAll(/'([^']+)'/g),
]
  .map((m) => m[1])
  .sort();

const serviceConfigSource = read('libs/platform/config/src/service-config/service.config.ts');
const defaultPorts = Object.fromEntries(
  [...serviceConfigSource.match(/DEFAULT_HTTP_PORTS[^=]*=\s*\{([^}]*)\}/)[1].matchAll(/'?([\w-]+)'?\s*:\s*([\d_]+)/g)].map((m) => [
    m[1],
    Number(m[2].replaceAll('_', '')),
  ]),
);
const fallbackPort = Number(
  serviceConfigSource.match(/DEFAULT_HTTP_PORTS\[serviceName\]\s*\?\?\s*([\d_]+)/)?.[1].replaceAll('_', '') ?? 8080,
);
const defaultShutdownGraceMs = Number(serviceConfigSource.match(/['"]SHUTDOWN_GRACE_MS['"],\s*([\d_]+)/)[1].replaceAll('_', ''));
const pinnedKafkaVersion = read('deploy/kafka/pom.xml').match(/<kafka\.version>([^<]+)<\/kafka\.version>/)[1];

function portOf(service, env) {
  return env.HTTP_PORT !== undefined ? Number(env.HTTP_PORT) : (defaultPorts[service] ?? fallbackPort);
}

function graceOf(env) {
  return env.SHUTDOWN_GRACE_MS !== undefined ? Number(env.SHUTDOWN_GRACE_MS) : defaultShutdownGraceMs;
}

function unknownNames(names, allowed) {
  return [...names].filter((name) => !allowed.has(name));
}

const list = (values) => [...values].join(', ') || '(none)';

section('code');
expect(appNames.length > 0, 'no apps/* with src/main.ts and src/app.module.ts');
expect(
  list(appNames) === list(startableServices),
  `apps/* (${list(appNames)}) differ from scripts/start-service.js SERVICES (${list(startableServices)})`,
);
for (const app of appNames) expect(defaultPorts[app] !== undefined, `${app} has no entry in DEFAULT_HTTP_PORTS`);
expect(existsSync(join(repoRoot, topicsScript)), `${topicsScript} is missing`);
expect(existsSync(join(repoRoot, migrateCli)), `${migrateCli} is missing`);
for (const name of [
  'HTTP_PORT',
  'HTTP_HOST',
  'DATABASE_URL',
  'SHUTDOWN_GRACE_MS',
  'KAFKA_BROKERS',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'LOG_LEVEL',
]) {
  expect(serviceEnv.has(name), `the scan of the platform libraries no longer finds ${name}: update the scan or the deployment files`);
}

// ------------------------------------------------------------------ compose

function durationMs(value) {
  if (typeof value === 'number') return value * 1000;
  const parts = [...String(value).matchAll(/(\d+(?:\.\d+)?)(ms|us|h|m|s)/g)];
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
  return parts.reduce((total, [, amount, suffix]) => total + Number(amount) * unit[suffix], 0);
}

function composeEnv(service) {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => [String(entry).split('=')[0], String(entry).split('=').slice(1).join('=')]));
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

const words = (value) => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : String(value).split(/\s+/));
const commandLine = (service) => [...words(service.entrypoint), ...words(service.command)];
const healthcheckText = (service) => words(service.healthcheck?.test).join(' ');

function checkCompose() {
  section('compose');
  if (!expect(existsSync(composeFile), `${relative(repoRoot, composeFile)} is missing`)) return;
  const compose = YAML.parse(readFileSync(composeFile, 'utf8'), { merge: true });
  const services = compose.services ?? {};
  const composeDir = dirname(composeFile);

  for (const app of appNames) {
    const service = services[app];
    if (!expect(service !== undefined, `no compose service for apps/${app}`)) continue;
    const env = composeEnv(service);
    const args = words(service.command);
    expect(
      args[0] === app && service.entrypoint === undefined,
      `${app}: command must be ["${app}"] on the image's entrypoint, got ${JSON.stringify(service.command)}`,
    );
    const context = service.build?.context ?? service.build;
    expect(
      typeof context === 'string' &&
        resolve(composeDir, context) === repoRoot &&
        (service.build?.dockerfile ?? 'Dockerfile') === 'Dockerfile',
      `${app}: must be built from the repository's Dockerfile`,
    );
    const unknown = unknownNames(Object.keys(env), serviceEnv);
    expect(unknown.length === 0, `${app}: environment names the code never reads: ${list(unknown)}`);
    const port = portOf(app, env);
    expect(
      healthcheckText(service).includes(`:${port}/ready`),
      `${app}: healthcheck must GET /ready on port ${port}, got "${healthcheckText(service)}"`,
    );
    const graceMs = graceOf(env);
    expect(
      durationMs(service.stop_grace_period ?? '10s') >= graceMs,
      `${app}: stop_grace_period ${service.stop_grace_period ?? '10s (default)'} is shorter than SHUTDOWN_GRACE_MS ${graceMs}`,
    );
    const dependsOn = service.depends_on ?? {};
    expect(!Array.isArray(dependsOn), `${app}: depends_on needs conditions, not a plain list`);
    for (const [target, { condition } = {}] of Object.entries(Array.isArray(dependsOn) ? {} : dependsOn)) {
      expect(services[target] !== undefined, `${app}: depends on unknown service ${target}`);
      expect(
        ['service_healthy', 'service_completed_successfully', 'service_started'].includes(condition),
        `${app}: depends_on ${target} has no valid condition`,
      );
      if (condition === 'service_healthy')
        expect(services[target]?.healthcheck !== undefined, `${app}: waits for ${target} to be healthy, but it has no healthcheck`);
    }
    expect(Object.keys(env).includes('KAFKA_BROKERS'), `${app}: KAFKA_BROKERS is not set`);
    if (app === 'gateway') {
      const published = (service.ports ?? []).map((mapping) =>
        Number(
          String(typeof mapping === 'object' ? mapping.target : mapping)
            .split(':')
            .pop()
            .split('/')[0],
        ),
      );
      expect(
        published.length > 0 && published.every((target) => target === port),
        `gateway: must publish its port ${port}, publishes ${list(published)}`,
      );
    } else {
      expect(service.ports === undefined, `${app}: only the gateway publishes a port`);
    }
    expect(Object.keys(env).includes('DATABASE_URL'), `${app}: DATABASE_URL is not set`);
    expect(dependsOn.migrate?.condition === 'service_completed_successfully', `${app}: must wait for the migrate job to complete`);
    expect(dependsOn.topics?.condition === 'service_completed_successfully', `${app}: must wait for the topics job to complete`);
    expect(dependsOn.kafka?.condition === 'service_healthy', `${app}: must wait for a healthy kafka`);
  }

  const appEnvs = appNames.filter((app) => services[app]).map((app) => composeEnv(services[app]));
  const sharedValue = (name) => appEnvs.find((env) => env[name] !== undefined)?.[name];

  const topics = services.topics;
  if (expect(topics !== undefined, 'no `topics` job')) {
    const line = commandLine(topics);
    expect(line.includes(topicsScript), `topics: must run ${topicsScript}, runs "${line.join(' ')}"`);
    expect(unknownNames(Object.keys(composeEnv(topics)), topicsEnv).length === 0, `topics: environment names ${topicsScript} never reads`);
    const brokers = line.includes('--brokers') ? line[line.indexOf('--brokers') + 1] : composeEnv(topics).KAFKA_BROKERS;
    expect(
      brokers === sharedValue('KAFKA_BROKERS'),
      `topics: brokers ${brokers} differ from the services' KAFKA_BROKERS ${sharedValue('KAFKA_BROKERS')}`,
    );
    expect(topics.restart === undefined || topics.restart === 'no', 'topics: a one-shot job must not restart');
  }
  const migrate = services.migrate;
  if (expect(migrate !== undefined, 'no `migrate` job')) {
    const line = commandLine(migrate).join(' ');
    expect(line.includes(`${migrateCli} db migrate`), `migrate: must run \`node ${migrateCli} db migrate\`, runs "${line}"`);
    const env = composeEnv(migrate);
    expect(
      unknownNames(Object.keys(env), migrateEnv).length === 0,
      `migrate: environment names the CLI never reads: ${list(unknownNames(Object.keys(env), migrateEnv))}`,
    );
    expect(env.DATABASE_URL === sharedValue('DATABASE_URL'), 'migrate: DATABASE_URL differs from the services');
    expect(migrate.restart === undefined || migrate.restart === 'no', 'migrate: a one-shot job must not restart');
  }

  const kafka = services.kafka;
  if (expect(kafka !== undefined, 'no `kafka` service')) {
    expect(
      kafka.image === `apache/kafka:${pinnedKafkaVersion}`,
      `kafka: image ${kafka.image} is not apache/kafka:${pinnedKafkaVersion} (deploy/kafka/pom.xml)`,
    );
    const env = composeEnv(kafka);
    expect(env.KAFKA_PROCESS_ROLES === 'broker,controller', 'kafka: must be a combined KRaft node like deploy/kafka/start.sh');
    expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE === 'false', 'kafka: topics come from the topics job: auto-create must be off');
    expect(env.KAFKA_ADVERTISED_LISTENERS?.includes(sharedValue('KAFKA_BROKERS')), 'kafka: advertised listener differs from KAFKA_BROKERS');
  }
  expect(/^postgres:16([.-]|$)/.test(services.postgres?.image ?? ''), 'postgres: must be PostgreSQL 16');
  expect(String(sharedValue('DATABASE_URL') ?? '').includes('@postgres:'), 'services: DATABASE_URL must point at the postgres service');

  const collector = services['otel-collector'];
  if (expect(collector !== undefined, 'no `otel-collector` service')) {
    const mount = (collector.volumes ?? []).map(String).find((volume) => volume.startsWith('./'));
    const configPath = mount && resolve(composeDir, mount.split(':')[0]);
    if (expect(configPath && existsSync(configPath), 'otel-collector: its config file under deploy/compose/ is missing')) {
      const config = YAML.parse(readFileSync(configPath, 'utf8'));
      const httpEndpoint = config.receivers?.otlp?.protocols?.http?.endpoint ?? '';
      const endpoint = sharedValue('OTEL_EXPORTER_OTLP_ENDPOINT') ?? '';
      expect(
        endpoint === `http://otel-collector:${httpEndpoint.split(':').pop()}`,
        `services: OTEL_EXPORTER_OTLP_ENDPOINT ${endpoint} does not reach the collector's OTLP/HTTP receiver ${httpEndpoint}`,
      );
      const traceExporters = config.service?.pipelines?.traces?.exporters ?? [];
      expect(
        traceExporters.some((name) => String(config.exporters?.[name]?.endpoint ?? '').startsWith('jaeger:')),
        'otel-collector: the traces pipeline must export to jaeger',
      );
    }
  }
  expect(services.jaeger !== undefined, 'no `jaeger` service');

  for (const [name, service] of Object.entries(services)) {
    if (name !== 'gateway') expect(service.ports === undefined, `${name}: publishes ports; only the gateway may`);
  }
}

// ------------------------------------------------------------------ kubernetes

function cpuMilli(value) {
  const text = String(value);
  return text.endsWith('m') ? Number(text.slice(0, -1)) : Number(text) * 1000;
}

function loadManifests() {
  const files = readdirSync(k8sDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const documents = [];
  for (const file of files) {
    for (const document of YAML.parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8'))) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
      const object = document.toJS();
      if (object) documents.push({ file, object });
    }
  }
  return { files, documents };
}

function checkKubernetes() {
  section('k8s');
  if (!expect(existsSync(k8sDir), 'deploy/k8s is missing')) return;
  const { files, documents } = loadManifests();
  const kustomization = documents.find(({ file }) => file === 'kustomization.yaml')?.object;
  if (!expect(kustomization !== undefined, 'deploy/k8s/kustomization.yaml is missing')) return;

  const resources = kustomization.resources ?? [];
  for (const resource of resources) expect(existsSync(join(k8sDir, resource)), `kustomization lists ${resource}, which does not exist`);
  for (const file of files) {
    if (file === 'kustomization.yaml' || file.includes('.template.')) continue;
    expect(resources.includes(file), `${file} is not listed in kustomization.yaml`);
  }

  const manifests = documents.filter(({ file }) => file !== 'kustomization.yaml');
  const ofKind = (kind) => manifests.filter(({ object }) => object.kind === kind);
  const byName = (kind, name) => ofKind(kind).find(({ object }) => object.metadata?.name === name)?.object;
  const namespace = ofKind('Namespace')[0]?.object.metadata?.name;
  expect(namespace !== undefined, 'no Namespace manifest');
  for (const { file, object } of manifests) {
    if (object.kind !== 'Namespace')
      expect(object.metadata?.namespace === namespace, `${file}: ${object.kind} ${object.metadata?.name} is not in namespace ${namespace}`);
  }
  const imageName = kustomization.images?.[0]?.name;

  // Names and values each container gets, resolving envFrom/valueFrom against the manifests here.
  function containerEnv(container, owner) {
    const env = {};
    for (const source of container.envFrom ?? []) {
      const configMap = source.configMapRef && byName('ConfigMap', source.configMapRef.name);
      const secret = source.secretRef && byName('Secret', source.secretRef.name);
      expect(configMap || secret, `${owner}: envFrom references a ConfigMap/Secret that is not defined here`);
      Object.assign(env, configMap?.data ?? {}, secret?.stringData ?? {}, secret?.data ?? {});
    }
    for (const entry of container.env ?? []) {
      const configKey = entry.valueFrom?.configMapKeyRef;
      const secretKey = entry.valueFrom?.secretKeyRef;
      if (configKey)
        expect(
          byName('ConfigMap', configKey.name)?.data?.[configKey.key] !== undefined,
          `${owner}: ${entry.name} reads a missing ConfigMap key ${configKey.name}/${configKey.key}`,
        );
      if (secretKey) {
        const secret = byName('Secret', secretKey.name);
        expect(
          (secret?.stringData ?? secret?.data)?.[secretKey.key] !== undefined,
          `${owner}: ${entry.name} reads a missing Secret key ${secretKey.name}/${secretKey.key} (secret.template.yaml)`,
        );
      }
      env[entry.name] = entry.value ?? (configKey ? byName('ConfigMap', configKey.name)?.data?.[configKey.key] : undefined);
    }
    return env;
  }

  const podsOf = (object) => object.spec?.template?.spec;

  // Jobs: topics first, since its partition count caps the stage replicas.
  const jobs = ofKind('Job').map(({ object }) => object);
  const topicsJob = jobs.find((job) =>
    (podsOf(job)?.containers ?? []).some((c) => [...(c.command ?? []), ...(c.args ?? [])].includes(topicsScript)),
  );
  let partitions = 6;
  if (expect(topicsJob !== undefined, `no Job runs ${topicsScript}`)) {
    const container = podsOf(topicsJob).containers[0];
    const args = [...(container.command ?? []), ...(container.args ?? [])];
    const partitionsArg = args[args.indexOf('--partitions') + 1];
    if (args.includes('--partitions')) partitions = Number(partitionsArg);
    const env = containerEnv(container, `Job ${topicsJob.metadata.name}`);
    expect(
      unknownNames(Object.keys(env), topicsEnv).length === 0,
      `Job ${topicsJob.metadata.name}: environment names ${topicsScript} never reads: ${list(unknownNames(Object.keys(env), topicsEnv))}`,
    );
    expect(args.includes('--brokers') || env.KAFKA_BROKERS !== undefined, `Job ${topicsJob.metadata.name}: no brokers given`);
    expect(container.image === imageName, `Job ${topicsJob.metadata.name}: image ${container.image} is not the kustomized ${imageName}`);
  }
  const migrateJob = jobs.find((job) =>
    (podsOf(job)?.containers ?? []).some((c) => [...(c.command ?? []), ...(c.args ?? [])].join(' ').includes(`${migrateCli} db migrate`)),
  );
  if (expect(migrateJob !== undefined, `no Job runs \`node ${migrateCli} db migrate\``)) {
    const container = podsOf(migrateJob).containers[0];
    const env = containerEnv(container, `Job ${migrateJob.metadata.name}`);
    expect(
      unknownNames(Object.keys(env), migrateEnv).length === 0,
      `Job ${migrateJob.metadata.name}: environment names the CLI never reads`,
    );
    expect('DATABASE_URL' in env, `Job ${migrateJob.metadata.name}: DATABASE_URL is not set`);
    expect(container.image === imageName, `Job ${migrateJob.metadata.name}: image is not the kustomized ${imageName}`);
  }
  for (const job of jobs)
    expect(
      ['Never', 'OnFailure'].includes(podsOf(job)?.restartPolicy),
      `Job ${job.metadata.name}: restartPolicy must be Never or OnFailure`,
    );

  const deployments = ofKind('Deployment').map(({ object }) => object);
  const deploymentNames = deployments.map((deployment) => deployment.metadata.name).sort();
  expect(list(deploymentNames) === list(appNames), `Deployments (${list(deploymentNames)}) differ from apps/* (${list(appNames)})`);

  let cpuRequestedMilli = 0;
  for (const deployment of deployments) {
    const name = deployment.metadata.name;
    const pod = podsOf(deployment);
    const container = pod?.containers?.[0];
    if (!expect(container !== undefined, `Deployment ${name}: no container`)) continue;
    const owner = `Deployment ${name}`;
    const selector = deployment.spec.selector?.matchLabels ?? {};
    const podLabels = deployment.spec.template?.metadata?.labels ?? {};
    expect(
      Object.entries(selector).every(([key, value]) => podLabels[key] === value),
      `${owner}: selector does not match the pod labels`,
    );
    expect(container.image === imageName, `${owner}: image ${container.image} is not the kustomized ${imageName}`);
    expect(container.command === undefined && container.args?.[0] === name, `${owner}: args must be ["${name}"] on the image's entrypoint`);

    const env = containerEnv(container, owner);
    const unknown = unknownNames(Object.keys(env), serviceEnv);
    expect(unknown.length === 0, `${owner}: environment names the code never reads: ${list(unknown)}`);
    expect(env.KAFKA_BROKERS !== undefined, `${owner}: KAFKA_BROKERS is not set`);
    expect('DATABASE_URL' in env, `${owner}: DATABASE_URL is not set`);

    const port = portOf(name, env);
    const portNamed = Object.fromEntries((container.ports ?? []).map((entry) => [entry.name, entry.containerPort]));
    expect(
      (container.ports ?? []).some((entry) => entry.containerPort === port),
      `${owner}: containerPort must be ${port} (the code's port), got ${list((container.ports ?? []).map((entry) => entry.containerPort))}`,
    );
    const probePort = (probe) => (typeof probe?.httpGet?.port === 'string' ? portNamed[probe.httpGet.port] : probe?.httpGet?.port);
    expect(
      container.readinessProbe?.httpGet?.path === '/ready' && probePort(container.readinessProbe) === port,
      `${owner}: readinessProbe must GET /ready on ${port}`,
    );
    expect(
      container.livenessProbe?.httpGet?.path === '/health' && probePort(container.livenessProbe) === port,
      `${owner}: livenessProbe must GET /health on ${port}`,
    );
    if (container.startupProbe)
      expect(
        ['/health', '/ready'].includes(container.startupProbe.httpGet?.path) && probePort(container.startupProbe) === port,
        `${owner}: startupProbe must GET /health on ${port}`,
      );

    const preStop = container.lifecycle?.preStop;
    const preStopSeconds = preStop?.sleep?.seconds ?? Number(preStop?.exec?.command?.join(' ').match(/sleep\s+(\d+)/)?.[1] ?? NaN);
    expect(Number.isFinite(preStopSeconds) && preStopSeconds > 0, `${owner}: needs a preStop sleep so endpoints drain before SIGTERM`);
    const graceMs = graceOf(env);
    const terminationMs = (pod.terminationGracePeriodSeconds ?? 30) * 1000;
    expect(
      terminationMs > graceMs + (Number.isFinite(preStopSeconds) ? preStopSeconds * 1000 : 0),
      `${owner}: terminationGracePeriodSeconds ${terminationMs / 1000} must exceed preStop ${preStopSeconds}s + SHUTDOWN_GRACE_MS ${graceMs}`,
    );

    const { requests = {}, limits = {} } = container.resources ?? {};
    expect(requests.cpu && requests.memory && limits.cpu && limits.memory, `${owner}: needs cpu and memory requests and limits`);
    const replicas = deployment.spec.replicas ?? 1;
    cpuRequestedMilli += cpuMilli(requests.cpu ?? 0) * replicas;
    if (name === 'gateway') expect(replicas >= 2, `${owner}: runs at least 2 replicas`);
    else
      expect(
        replicas >= 1 && replicas <= partitions,
        `${owner}: replicas ${replicas} must be 1..${partitions} (partitions cap a consumer group)`,
      );
    expect(pod.securityContext?.runAsNonRoot === true, `${owner}: must run as non-root`);
  }
  expect(
    cpuRequestedMilli <= NODE_CPU_BUDGET_MILLI,
    `CPU requests of all Deployments (${cpuRequestedMilli}m) exceed what a 2-core node can schedule (${NODE_CPU_BUDGET_MILLI}m)`,
  );

  const gatewayDeployment = deployments.find((deployment) => deployment.metadata.name === 'gateway');
  const gatewayLabels = gatewayDeployment?.spec.template?.metadata?.labels ?? {};
  const gatewayPort = gatewayDeployment
    ? portOf('gateway', containerEnv(podsOf(gatewayDeployment).containers[0], 'Deployment gateway'))
    : defaultPorts.gateway;
  const services = ofKind('Service')
    .map(({ object }) => object)
    .filter((service) => service.spec?.type !== 'ExternalName');
  const gatewayService = services.find((service) =>
    Object.entries(service.spec?.selector ?? {}).every(([key, value]) => gatewayLabels[key] === value),
  );
  if (expect(gatewayService !== undefined, 'no Service selects the gateway pods')) {
    const target = gatewayService.spec.ports?.[0]?.targetPort;
    expect(
      target === 'http' || target === gatewayPort,
      `Service ${gatewayService.metadata.name}: targetPort must be http or ${gatewayPort}`,
    );
  }
  const hpa = ofKind('HorizontalPodAutoscaler')[0]?.object;
  if (expect(hpa !== undefined, 'no HorizontalPodAutoscaler')) {
    expect(
      hpa.spec.scaleTargetRef?.kind === 'Deployment' && hpa.spec.scaleTargetRef?.name === 'gateway',
      'the HorizontalPodAutoscaler must target Deployment gateway',
    );
    expect((hpa.spec.minReplicas ?? 1) >= 2, 'the gateway HorizontalPodAutoscaler keeps at least 2 replicas');
  }
  const budgets = ofKind('PodDisruptionBudget').map(({ object }) => object);
  expect(budgets.length > 0, 'no PodDisruptionBudget');
  for (const budget of budgets) {
    const selector = budget.spec?.selector?.matchLabels ?? {};
    const matches = deployments.filter((deployment) =>
      Object.entries(selector).every(([key, value]) => deployment.spec.template?.metadata?.labels?.[key] === value),
    );
    expect(matches.length > 0, `PodDisruptionBudget ${budget.metadata.name}: selects no Deployment's pods`);
  }
  expect(ofKind('ConfigMap').length > 0, 'no ConfigMap with the shared environment');
  expect(
    ofKind('Secret').some(({ object }) => (object.stringData ?? object.data)?.DATABASE_URL !== undefined),
    'no Secret template holding DATABASE_URL',
  );
}

// ------------------------------------------------------------------ Dockerfile

function checkDockerfile() {
  section('Dockerfile');
  const dockerfilePath = join(repoRoot, 'Dockerfile');
  if (!expect(existsSync(dockerfilePath), 'Dockerfile is missing')) return;
  const text = readFileSync(dockerfilePath, 'utf8');
  const stages = text.split(/^FROM\s/m).slice(1);
  const runtime = stages.at(-1) ?? '';
  const baseImage = text.match(/^ARG NODE_IMAGE=(\S+)/m)?.[1];
  expect(/^node:20-(bookworm-)?slim$/.test(baseImage ?? ''), `base image must be node:20-slim (bookworm), got ${baseImage}`);
  expect(/\bnpm ci\b/.test(text), 'the build must run `npm ci` (prepare compiles dist/)');
  expect(/npm prune --omit=dev/.test(text), 'production dependencies only: `npm prune --omit=dev`');
  const kept = ['dist', 'scripts', 'libs/catalog/seed', 'apps/jdpipe/bin', 'package.json', topicsScript];
  // module-aliases.js resolves @jdpipe/* through tsconfig.base.json at run time.
  if (read('scripts/module-aliases.js').includes('tsconfig.base.json')) kept.push('tsconfig.base.json');
  for (const path of kept)
    expect(
      new RegExp(`COPY[^\\n]*/app/${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\b`).test(runtime),
      `the final stage must keep ${path}`,
    );
  expect(/^USER\s+(?!0\b|root\b)\S+/m.test(runtime), 'the final stage must switch to a non-root USER');
  expect(/^ENTRYPOINT \["node", "scripts\/start-service\.js"\]$/m.test(runtime), 'ENTRYPOINT must be ["node", "scripts/start-service.js"]');
  const cmd = runtime.match(/^CMD \["([^"]+)"\]$/m)?.[1];
  expect(appNames.includes(cmd), `CMD must name a service (${list(appNames)}), got ${cmd}`);
  expect(/^HEALTHCHECK /m.test(runtime) && /\/health\b/.test(runtime), 'HEALTHCHECK must probe GET /health');

  const ignorePath = join(repoRoot, '.dockerignore');
  if (expect(existsSync(ignorePath), '.dockerignore is missing')) {
    const ignored = new Set(
      readFileSync(ignorePath, 'utf8')
        .split('\n')
        .map((line) => line.trim()),
    );
    for (const entry of ['node_modules', 'dist', '.git', '.jdpipe']) expect(ignored.has(entry), `.dockerignore must exclude ${entry}`);
    for (const needed of [
      'apps',
      'libs',
      'scripts',
      'package.json',
      'package-lock.json',
      'tsconfig.base.json',
      'tsconfig.build.json',
      topicsScript,
    ]) {
      expect(!ignored.has(needed), `.dockerignore excludes ${needed}, which the build needs`);
    }
  }
}

// ------------------------------------------------------------------ run

try {
  checkCompose();
  checkKubernetes();
  checkDockerfile();
} catch (error) {
  failures.push(`[${sections.at(-1)?.title ?? 'setup'}] ${error instanceof Error ? error.message : String(error)}`);
}

console.log(
  `services ${list(appNames)}; ports ${appNames.map((app) => `${app}=${defaultPorts[app]}`).join(' ')}; SHUTDOWN_GRACE_MS default ${defaultShutdownGraceMs}`,
);
console.log(`env names the services read (${serviceEnv.size}): ${list([...serviceEnv].sort())}`);
for (const { title, passed: ok, failures: failed } of sections)
  console.log(`${failed === 0 ? 'ok  ' : 'FAIL'} ${title}: ${ok} checks passed${failed ? `, ${failed} failed` : ''}`);
for (const failure of failures) console.log(`  - ${failure}`);
console.log(failures.length === 0 ? `deploy: consistent with the code (${passed} checks)` : `deploy: ${failures.length} mismatch(es)`);
process.exitCode = failures.length === 0 ? 0 : 1;
