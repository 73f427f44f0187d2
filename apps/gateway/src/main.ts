// Tracing starts before anything else is loaded, so every module is observed.
import { startTelemetry } from '@jdpipe/telemetry';
const telemetry = startTelemetry({ serviceName: 'gateway' });

import { runService } from '@jdpipe/runtime';

import { AppModule } from './app.module';

void runService('gateway', AppModule, telemetry);
