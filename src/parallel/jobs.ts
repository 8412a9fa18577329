/** How many analysing threads a batch uses when not told: one per core. Its own module, so that reading flags loads no pipeline. */
import { availableParallelism } from 'node:os';

export const defaultJobs = (): number => availableParallelism();
