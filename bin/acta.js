#!/usr/bin/env node
import { runAsProcess } from '../dist/cli/process.js';

runAsProcess(process.argv.slice(2));
