/** One line of a comparison between two versions. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A line-by-line diff (longest common subsequence); small inputs only, which reports are. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] =
        before[i] === after[j]
          ? (table[i + 1] as number[])[j + 1]! + 1
          : Math.max((table[i + 1] as number[])[j]!, row[j + 1]!);
    }
  }
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      result.push({ kind: 'same', text: before[i] as string });
      i++;
      j++;
    } else if ((table[i + 1] as number[])[j]! >= (table[i] as number[])[j + 1]!) {
      result.push({ kind: 'removed', text: before[i] as string });
      i++;
    } else {
      result.push({ kind: 'added', text: after[j] as string });
      j++;
    }
  }
  while (i < n) result.push({ kind: 'removed', text: before[i++] as string });
  while (j < m) result.push({ kind: 'added', text: after[j++] as string });
  return result;
}
