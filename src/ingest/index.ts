/** The ingest stage: text, HTML, JSONL/JSON, files, directories and stdin to IngestedArticle. */
export { articleHash, formatProblem, isProblem, type IngestOptions } from './common.js';
export { isIsoDay, parseDate } from './dates.js';
export { ingestText, parseDateline } from './text.js';
export { ingestHtml } from './html.js';
export { ingestJson, ingestJsonl, ingestRecord } from './jsonl.js';
export {
  INPUT_ENCODINGS, MAX_INPUT_BYTES, countArticleFiles, decodeInput, ingestContent, kindFromExtension, readInputs, sniffKind,
  type InputEncoding, type InputKind, type ReadOptions,
} from './files.js';
export { isAuthorBio, matchBoilerplate } from './layout.js';
