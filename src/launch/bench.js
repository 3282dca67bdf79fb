#!/usr/bin/env node
// npm run bench: runs the TypeScript benchmark through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../../test/bench/run.ts');
