/** `npm run build`'s step that writes the gazetteer's city index beside its module (see city-index.ts). */
import { CITY_INDEX_FILE, writeCityIndex } from './city-index.js';

const started = performance.now();
writeCityIndex();
console.log(`wrote ${CITY_INDEX_FILE} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
