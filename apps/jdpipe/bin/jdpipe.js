#!/usr/bin/env node
'use strict';
require('../../../scripts/module-aliases.js');
require('../../../dist/apps/jdpipe/src/main.js');
