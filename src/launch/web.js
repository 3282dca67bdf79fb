#!/usr/bin/env node
// npm run web: the app in the browser, served from 127.0.0.1 (TypeScript run through tsx).
import { register } from 'tsx/esm/api';

register();
await import('../web/main.ts');
