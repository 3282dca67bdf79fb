// `node --import ./register.mjs out/main/index.js`: runs the built main process with `electron` replaced by the
// recording double (see electron.mjs).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
