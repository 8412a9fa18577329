/**
 * A file a command writes whole or not at all: the bytes go to a file beside its final name,
 * renamed over it when complete, removed when the command fails or is stopped, so a reader never
 * meets half an export or half a digest.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './args.js';

export class WholeFile {
  private fd: number | null;

  private constructor(readonly path: string, private readonly partial: string, fd: number) {
    this.fd = fd;
  }

  /** Start writing `path`; a place that cannot be written is a UsageError naming it. */
  static open(path: string): WholeFile {
    const partial = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
    try {
      return new WholeFile(path, partial, openSync(partial, 'w'));
    } catch (e) {
      throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
    }
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === null) throw new Error(`${this.path} is no longer open`);
    if (typeof chunk === 'string') writeSync(this.fd, chunk);
    else writeSync(this.fd, chunk);
  }

  /** The file is whole: it takes its name. */
  commit(): void {
    this.close();
    renameSync(this.partial, this.path);
  }

  /** The file will not be whole: nothing of it stays. */
  discard(): void {
    this.close();
    rmSync(this.partial, { force: true });
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
