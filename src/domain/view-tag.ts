/**
 * A short fingerprint of a value as JSON, the same in the browser and on the server: key order does not matter,
 * undefined members are left out as JSON leaves them out. The live channel sends it so a page can tell whether
 * the view it shows is still the one the server would give it.
 */

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** cyrb53: a fast 53-bit string hash (not cryptographic; change detection only). */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The tag of a conversation view: everything the viewer sees except the edit revision and the time of the last
 * write, which also move when the other party saves something this viewer may not see (her unshared draft).
 */
export function viewTag(view: { conversation: { revision: number; updatedAt?: string } }): string {
  const { revision: _revision, updatedAt: _updatedAt, ...conversation } = view.conversation;
  return hash53(canonical({ ...view, conversation }));
}
