/**
 * Installs the Teams app in a user's personal scope (so the bot can reach them proactively), finds the 1:1 chat
 * with the bot, and sends activity-feed notifications. Application permissions:
 * TeamsAppInstallation.ReadWriteForUser.All (install, chat) and TeamsActivity.Send (notifications).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { isConflict } from './graph-errors.js';

interface InstalledApp {
  id: string;
  teamsApp?: { id: string };
}

/** An activity-feed notification (the activity type must be declared in the app manifest's `activities`). */
export interface ActivityNotification {
  /** Opens when the person clicks the notification: a deep link into the app. */
  webUrl: string;
  /** Text shown as the topic. */
  topic: string;
  activityType: string;
  previewText: string;
  templateParameters?: Record<string, string>;
}

/** Options of the installer. */
export interface TeamsAppInstallerOptions {
  client: Client;
  /** The app's id in the tenant app catalog (not the manifest id of a sideloaded app). */
  teamsAppId: string;
}

/** Personal-scope installation, chat lookup and activity notifications via Graph. */
export class TeamsAppInstaller {
  constructor(private readonly options: TeamsAppInstallerOptions) {}

  /** Installs the app for the user when it is not installed yet; returns the installation id. */
  async ensureInstalled(userId: string): Promise<string> {
    const existing = await this.installation(userId);
    if (existing) return existing.id;
    try {
      await this.options.client.api(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`).post({
        'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${this.options.teamsAppId}`,
      });
    } catch (error) {
      // 409: installed in the meantime (another run, or the user): fine, read it below.
      if (!isConflict(error)) throw error;
    }
    const installed = await this.installation(userId);
    if (!installed)
      throw new Error(`The Teams app was installed for ${userId} but the installation is not listed`);
    return installed.id;
  }

  /** The id of the user's 1:1 chat with the bot (installs the app first when needed). */
  async chatId(userId: string): Promise<string> {
    const installationId = await this.ensureInstalled(userId);
    const chat = (await this.options.client
      .api(
        `/users/${encodeURIComponent(userId)}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`,
      )
      .get()) as { id: string };
    return chat.id;
  }

  /** Sends a notification to the user's activity feed. */
  async sendActivityNotification(userId: string, notification: ActivityNotification): Promise<void> {
    await this.options.client
      .api(`/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`)
      .post({
        topic: { source: 'text', value: notification.topic, webUrl: notification.webUrl },
        activityType: notification.activityType,
        previewText: { content: notification.previewText },
        templateParameters: Object.entries(notification.templateParameters ?? {}).map(([name, value]) => ({
          name,
          value,
        })),
      });
  }

  private async installation(userId: string): Promise<InstalledApp | undefined> {
    const page = (await this.options.client
      .api(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`)
      .expand('teamsApp')
      .filter(`teamsApp/id eq '${this.options.teamsAppId}'`)
      .get()) as { value: InstalledApp[] };
    return page.value.find((app) => app.teamsApp?.id === this.options.teamsAppId);
  }
}
