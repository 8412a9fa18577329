/** `npm run build`'s step that writes the shipped models unpacked into dist/models/ (see model-file.ts), and wink's core model (wink-model.ts). */
import { dataPath } from './data.js';
import { PACKED_MODELS, unpackedPath, writeUnpacked } from './model-file.js';
import { WINK_CORE_FILE, writeWinkCore } from '../segment/wink-model.js';

const started = performance.now();
for (const name of PACKED_MODELS) writeUnpacked(dataPath(name));
writeWinkCore();
console.log(`wrote ${[...PACKED_MODELS.map((n) => unpackedPath(n)), WINK_CORE_FILE].join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
