/**
 * Starts the bot in Microsoft 365 Agents Playground: the server in local mode with the Playground's connector as
 * its service URL, and the Playground pointed at the server's /api/messages. Both stop with Ctrl+C.
 *
 *   npm run playground          (server on PORT, default 3978; Playground on PLAYGROUND_PORT, default 56150)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');

/** The server's settings for the Playground; what the environment already sets wins. */
export function serverEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    AUTH_MODE: 'local',
    MICROSOFT_365: 'local',
    BOT_ID: 'playground-bot',
    PLAYGROUND_USER: 'fatima',
    ...env,
    PORT: port,
    // The bot only answers activities from this service URL in local mode, and sends its proactive messages there.
    BOT_SERVICE_URL: `http://localhost:${playgroundPort}/_connector`,
  };
}

const children: ChildProcess[] = [];
function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  children.push(child);
  child.once('exit', (code) => {
    for (const other of children) if (other !== child && other.exitCode === null) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  return child;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], serverEnvironment());
  run(
    process.execPath,
    [cli, 'start', '-e', `http://localhost:${port}/api/messages`, '-c', 'msteams', '-p', playgroundPort],
    process.env,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => children.forEach((child) => child.kill(signal)));
}
