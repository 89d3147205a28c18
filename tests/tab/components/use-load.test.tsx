/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { useLoad } from '../../../src/tab/components/use-load.js';

function Page({ id, initial, calls }: { id: string; initial?: string; calls: string[] }) {
  const load = useLoad(
    async () => {
      calls.push(id);
      return `loaded ${id}`;
    },
    id,
    initial,
  );
  return <p>{load.loading ? 'laden' : load.data}</p>;
}

function Switcher({ calls }: { calls: string[] }) {
  const [id, setId] = useState('a');
  return (
    <>
      <Page id={id} initial="prefetched a" calls={calls} />
      <button onClick={() => setId('b')}>b</button>
    </>
  );
}

describe('useLoad', () => {
  it('loads when nothing is in hand', async () => {
    const calls: string[] = [];
    render(<Page id="a" calls={calls} />);
    expect(screen.getByText('laden')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('loaded a')).toBeTruthy());
    expect(calls).toEqual(['a']);
  });

  it('renders an answer already in hand at once, without asking again, and loads the next key', async () => {
    const calls: string[] = [];
    render(<Switcher calls={calls} />);
    expect(screen.getByText('prefetched a')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByText('b'));
    await waitFor(() => expect(screen.getByText('loaded b')).toBeTruthy());
    expect(calls).toEqual(['b']);
  });
});
