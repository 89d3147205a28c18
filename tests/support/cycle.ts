/**
 * The cycle over HTTP for the server, hardening and e2e suites: one command as a person, waiting for a stage, and
 * the factory that takes a conversation to any stage (tests/fixtures/build-conversation.ts).
 */
import { as, eventually } from './client.js';

export {
  buildConversation,
  defaultTexts,
  earlierGoals,
  reflectionReport,
  vitalityPreparation,
  vitalityReport,
  type BuildOptions,
  type BuiltConversation,
  type Round,
  type TargetStage,
  type Texts,
} from '../fixtures/build-conversation.js';

/** A JSON client for one demo user (see tests/support/client.ts). */
export type Client = ReturnType<typeof as>;
type Reply = Awaited<ReturnType<Client['post']>>;

/** ISO time `days` from now at `hour` UTC. */
export const inDays = (days: number, hour = 9): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/** Sends one command as a person; anything but 200 fails with what was sent and what came back. */
export async function step(who: Client, id: string, command: object): Promise<Reply['body']> {
  const response = await who.post(`/api/conversations/${id}/commands`, { command });
  if (response.status !== 200)
    throw new Error(
      `${JSON.stringify(command).slice(0, 120)} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
    );
  return response.body;
}

/** Sends one command that must be refused; returns the problem (status and body). */
export async function refused(who: Client, id: string, command: object): Promise<Reply> {
  const response = await who.post(`/api/conversations/${id}/commands`, { command });
  if (response.status < 400) throw new Error(`${JSON.stringify(command).slice(0, 120)} was accepted`);
  return response;
}

/** Waits until a conversation reaches `stage`, as `userId` sees it. */
export async function reachStage(
  url: string,
  userId: string,
  id: string,
  stage: string,
  timeoutMs = 60_000,
): Promise<Reply['body']> {
  return eventually(
    async () => {
      const view = await as(url, userId).get(`/api/conversations/${id}`);
      return view.body.conversation?.stage === stage ? view.body : undefined;
    },
    timeoutMs,
    `stage ${stage}`,
  );
}
