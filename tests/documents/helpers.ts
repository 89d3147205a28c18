/** Helpers to read a pdfmake definition back as the text a reader would see. */

/** Every string that pdfmake would print as text, in document order. */
export function textsOf(node: unknown): string[] {
  const out: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key === 'text' || key === undefined) out.push(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key === 'text' ? 'text' : undefined);
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (['text', 'stack', 'columns', 'ol', 'ul', 'table', 'body', 'content'].includes(k))
          visit(v, k === 'text' ? 'text' : undefined);
      }
    }
  };
  visit(node);
  return out;
}

/** All text of a node joined with new lines, with the invisible break opportunities removed. */
export function plainTextOf(node: unknown): string {
  return textsOf(node).join('\n').replaceAll('\u200B', '');
}

/** Every object key used anywhere in a definition (to prove no user value became structure). */
export function keysOf(node: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) keysOf(item, keys);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      keys.add(k);
      keysOf(v, keys);
    }
  }
  return keys;
}
