/** Argument parsing shared by the commands (node:util parseArgs), with usage errors that exit 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ActorFileError, readActorFile } from '../actors/user-file.js';
import type { ActorRow } from '../actors/knowledge.js';

export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(argv: string[], options: Options, help: string): Parsed {
  try {
    const r = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${help}`);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export function isoDay(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`${flag} must be a date YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

export function dateBound(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new UsageError(`${flag} must be YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  return value;
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number (got "${value}")`);
  return n;
}

/** The rows of the user's --actors files (repeatable), or undefined when none is given. A file that cannot be read is a usage error. */
export function userActors(values: Record<string, unknown>): ActorRow[] | undefined {
  const files = (values.actors as string[] | undefined) ?? [];
  if (files.length === 0) return undefined;
  try {
    return files.flatMap((f) => readActorFile(f));
  } catch (e) {
    if (e instanceof ActorFileError) throw new UsageError(e.message);
    throw e;
  }
}
