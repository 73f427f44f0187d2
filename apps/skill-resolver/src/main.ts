// Tracing starts before anything else is loaded, so every module is observed.
import { startTelemetry } from '@jdpipe/telemetry';
const telemetry = startTelemetry({ serviceName: 'skill-resolver' });

import { runService } from '@jdpipe/runtime';

import { AppModule } from './app.module';

void runService('skill-resolver', AppModule, telemetry);
