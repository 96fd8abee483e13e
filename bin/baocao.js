#!/usr/bin/env node
import { boot } from '../dist/boot.js';
boot(process.argv).then((code) => { process.exitCode = code; });
