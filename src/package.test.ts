/** What `npm pack` ships: the library, the command, its data and licence; no tests and no test fixtures. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './util/data.js';

test('the package holds the library, bin, data and LICENSE, and none of the compiled tests or fixtures', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
  assert.deepEqual(files.filter((f) => /\.test\.(js|d\.ts)$|fixtures/.test(f)), []);
  for (const f of ['bin/acta.js', 'dist/index.js', 'dist/cli/main.js', 'dist/places/cities.bin', 'dist/models/parser-model.bin', 'data/plover.tsv', 'LICENSE', 'README.md']) assert.ok(files.includes(f), f);
});

test('the LICENSE file is the MIT licence the README and package.json name', () => {
  const licence = readFileSync(join(packageRoot, 'LICENSE'), 'utf8');
  assert.match(licence, /^MIT License\n\nCopyright \(c\) 2026 the acta authors\n/);
  assert.equal(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).license, 'MIT');
  assert.match(readFileSync(join(packageRoot, 'README.md'), 'utf8'), /## Licence\n\nMIT/);
});
