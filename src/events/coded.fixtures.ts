/** For the events' tests: what acta codes from a sentence written for the test. Not shipped (package.json leaves out *.fixtures.*). */
import { analyze } from '../index.js';

/** The triggers of the events of `type` coded from `text` (published on an ordinary day of 2023). */
export function triggersOf(type: string, text: string): string[] {
  return analyze({ text, published: '2023-03-10' }).events.filter((e) => e.event === type).map((e) => e.trigger.text);
}
