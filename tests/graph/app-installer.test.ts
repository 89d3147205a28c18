/** Installing the Teams app for a person through Graph, once, and the chat it gives. */
import { describe, expect, it } from '@jest/globals';
import { TeamsAppInstaller } from '../../src/graph/app-installer.js';
import { testClient, useFakeGraph } from './harness.js';

const fake = useFakeGraph((fake) => {
  fake.addUser({ id: 'fatima', displayName: 'Fatima' });
});
const installer = () => new TeamsAppInstaller({ client: testClient(), teamsAppId: 'catalog-app-1' });

describe('TeamsAppInstaller', () => {
  it('installs once and returns the chat id', async () => {
    const chat = await installer().chatId('fatima');
    expect(chat).toBe('19:fatima_catalog-app-1@unq.gbl.spaces');
    await installer().ensureInstalled('fatima');
    expect(fake.installedApps.get('fatima')).toHaveLength(1);
    expect(fake.count('POST', /\/teamwork\/installedApps$/)).toBe(1);
  });

  it('treats a parallel installation (409) as done', async () => {
    fake.faults.add({
      method: 'POST',
      path: /\/teamwork\/installedApps$/,
      when: 'after-commit',
      status: 504,
      times: 1,
    });
    const id = await installer().ensureInstalled('fatima');
    expect(fake.installedApps.get('fatima')!.map((a) => a.id)).toEqual([id]);
  });

  it('sends an activity notification with a deep link', async () => {
    await installer().ensureInstalled('fatima');
    await installer().sendActivityNotification('fatima', {
      webUrl: 'https://teams.microsoft.com/l/entity/app/x',
      topic: 'Vitaliteitsgesprek',
      activityType: 'approvalRequested',
      previewText: 'Jeroen vraagt je akkoord',
      templateParameters: { manager: 'Jeroen' },
    });
    expect(fake.activityNotifications).toEqual([
      {
        userId: 'fatima',
        body: {
          topic: {
            source: 'text',
            value: 'Vitaliteitsgesprek',
            webUrl: 'https://teams.microsoft.com/l/entity/app/x',
          },
          activityType: 'approvalRequested',
          previewText: { content: 'Jeroen vraagt je akkoord' },
          templateParameters: [{ name: 'manager', value: 'Jeroen' }],
        },
      },
    ]);
  });
});
