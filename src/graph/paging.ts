/**
 * Collection paging: Graph returns `@odata.nextLink` until the last page. The SDK's `PageIterator` follows the links;
 * these two helpers give it the shapes the adapters need (every item, or the first that matches).
 */
import { PageIterator, type Client, type PageCollection } from '@microsoft/microsoft-graph-client';

/** One page of a Graph collection. */
export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** More items than any collection of ours holds: a server answering with a looping nextLink is stopped here. */
const defaultMaxItems = 100_000;

/** Follows `@odata.nextLink` from a first request and returns every item; `maxItems` guards against loops. */
export async function collectPages<T>(
  client: Client,
  first: () => Promise<GraphPage<T>>,
  maxItems = defaultMaxItems,
): Promise<T[]> {
  const items: T[] = [];
  let overflow = false;
  const iterator = new PageIterator(client, (await first()) as PageCollection, (item: T) => {
    if (items.length >= maxItems) {
      overflow = true;
      return false;
    }
    items.push(item);
    return true;
  });
  await iterator.iterate();
  if (overflow) throw new Error(`Stopped paging after ${maxItems} items`);
  return items;
}

/** Finds the first item matching `predicate`, stopping at the page that holds it. */
export async function findInPages<T>(
  client: Client,
  first: () => Promise<GraphPage<T>>,
  predicate: (item: T) => boolean,
): Promise<T | undefined> {
  let found: T | undefined;
  const iterator = new PageIterator(client, (await first()) as PageCollection, (item: T) => {
    if (!predicate(item)) return true;
    found = item;
    return false;
  });
  await iterator.iterate();
  return found;
}
