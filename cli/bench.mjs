#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs a benchmark and prints its figures as JSON.
import { register } from 'tsx/esm/api';

register();
await import('./bench-main.ts');
