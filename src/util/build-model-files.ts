/** `npm run build`'s step that writes the shipped models unpacked into dist/models/ (see model-file.ts) */
import { dataPath } from './data.js';
import { PACKED_MODELS, unpackedPath, writeUnpacked } from './model-file.js';

const started = performance.now();
for (const name of PACKED_MODELS) writeUnpacked(dataPath(name));
console.log(`wrote ${PACKED_MODELS.map((n) => unpackedPath(n)).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
