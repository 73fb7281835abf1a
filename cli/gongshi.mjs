#!/usr/bin/env node
// Entry point of the `gongshi` command. The sources are TypeScript, run through tsx's loader
// so that no build step stands between a clone and a running system.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
