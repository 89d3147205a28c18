import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
let on = false;
process.on('SIGUSR2', async () => {
  if (!on) { on = true; await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 200 }); await session.post('Profiler.start'); return; }
  on = false;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync('/tmp/prof/window.cpuprofile', JSON.stringify(profile));
  console.error('PROFILE WRITTEN');
});
