// Tracing starts before anything else is loaded, so every module is observed.
import { startTelemetry } from '@jdpipe/telemetry';
const telemetry = startTelemetry({ serviceName: 'gateway' });

import { configureHttpApi } from '@jdpipe/http-api';
import { runService } from '@jdpipe/runtime';

import { AppModule } from './app.module';

void runService('gateway', AppModule, telemetry, { configureApp: (app) => configureHttpApi(app) });
