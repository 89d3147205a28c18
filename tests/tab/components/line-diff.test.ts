/** Line differences between two versions of a text, as the report page shows them. */
import { describe, expect, it } from '@jest/globals';
import { diffLines } from '../../../src/tab/components/line-diff.js';

describe('diffLines', () => {
  it('marks added, removed and unchanged lines in order', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines([], ['x'])).toEqual([{ kind: 'added', text: 'x' }]);
    expect(diffLines(['x'], [])).toEqual([{ kind: 'removed', text: 'x' }]);
  });
});
