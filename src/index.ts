/**
 * acta's library API. The command line (src/cli/) is a thin layer over these functions.
 *
 *   analyze(input)  → Doc           every layer with offsets (what `acta analyze` prints)
 *   code(input)     → CodedEvent[]  the events (what `acta code` prints)
 *   analyzeBatch(inputs, { jobs }) → async results in input order, on worker threads
 *   treeOf(doc.syntax)              the dependency parse as a tree (children, subtrees, paths)
 *   findAttributions(doc) → AttributionRelation[]  the attribution layer (also Doc.attributions)
 */
export * from './doc/types.js';
export { analyze, analyzeIngested, code, type AnalyzeOptions, type ArticleInput } from './pipeline.js';
export { analyzeBatch, type BatchOptions, type BatchResult } from './parallel/batch.js';
export { readActorFile, ActorFileError } from './actors/user-file.js';
export { ArticleTimeout, DEFAULT_TIME_BUDGET_MS, defaultTimeBudget } from './util/deadline.js';
export type { ActorRow } from './actors/knowledge.js';
export { toAnalyzeRecord } from './output/analyze-record.js';
export { treeOf, DependencyTree } from './syntax/tree.js';
export { parseSentence, MAX_PARSE_TOKENS, type ParserToken, type ParsedWord } from './syntax/index.js';
export { toConllu } from './output/conllu.js';
export { findAttributions, relationAt } from './attribution/stage.js';
