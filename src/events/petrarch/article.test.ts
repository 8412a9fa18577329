/**
 * A user's own PETRARCH dictionaries drive `acta code`: events come from their
 * verb and actor files, with offsets into the article's text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../util/data.js';

const dir = mkdtempSync(join(tmpdir(), 'acta-petr-'));
writeFileSync(join(dir, 'verbs.txt'), '--- DENOUNCE [111] ---\nDENOUNCE\n\n--- SHELL [195] ---\nSHELL {SHELLED}\n');
writeFileSync(join(dir, 'actors.txt'), 'VALDORIA [VLD]\nKORSHAN_ARMY [KRSMIL]\n');

function acta(args: string[], input: string) {
  return spawnSync(process.execPath, [join(packageRoot, 'bin', 'acta.js'), ...args], { input, encoding: 'utf8' });
}

test('acta code --petrarch-* codes with the user\'s dictionaries, offsets into the article', () => {
  const text = 'Rain fell all week. The Korshan army shelled Valdoria on Monday.';
  const r = acta(['code', '-', '--published', '2020-02-05', '--petrarch-verbs', join(dir, 'verbs.txt'), '--petrarch-actors', join(dir, 'actors.txt')], text);
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(events.length, 1);
  const [e] = events;
  assert.equal(e.cameo, '195');
  assert.equal(e.actor[0].code, 'KRSMIL');
  assert.equal(e.recipient[0].code, 'VLD');
  assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
  assert.equal(text.slice(e.recipient[0].start, e.recipient[0].end), e.recipient[0].text);
  assert.equal(e.sentence.index, 1);
});

test('a missing dictionary file is a usage error naming it', () => {
  const r = acta(['code', '-', '--petrarch-verbs', join(dir, 'nope.txt')], 'Text.');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /nope\.txt/);
});
