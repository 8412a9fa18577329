/**
 * A mistake in how acta was called (an unknown flag, a bad value): printed with the usage,
 * exit status 2. Its own module so that `acta --help` and a bad command load nothing else.
 */
export class UsageError extends Error {}
