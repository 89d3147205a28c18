/**
 * Collection paging: Graph returns `@odata.nextLink` until the last page.
 */
import type { Client } from '@microsoft/microsoft-graph-client';

/** One page of a Graph collection. */
export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Follows `@odata.nextLink` from a first request and returns every item; `maxPages` guards against loops. */
export async function collectPages<T>(
  client: Client,
  first: () => Promise<GraphPage<T>>,
  maxPages = 1000,
): Promise<T[]> {
  const items: T[] = [];
  let page = await first();
  for (let pages = 1; ; pages++) {
    items.push(...page.value);
    const next = page['@odata.nextLink'];
    if (!next) return items;
    if (pages >= maxPages) throw new Error(`Stopped paging after ${maxPages} pages`);
    page = (await client.api(next).get()) as GraphPage<T>;
  }
}

/** Finds the first item matching `predicate`, stopping at the page that holds it. */
export async function findInPages<T>(
  client: Client,
  first: () => Promise<GraphPage<T>>,
  predicate: (item: T) => boolean,
): Promise<T | undefined> {
  let page = await first();
  for (;;) {
    const found = page.value.find(predicate);
    if (found) return found;
    const next = page['@odata.nextLink'];
    if (!next) return undefined;
    page = (await client.api(next).get()) as GraphPage<T>;
  }
}
