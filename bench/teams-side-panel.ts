/**
 * The meeting side panel as Teams opens it, for the tab benchmark: a host page that frames the tab at 320 px and
 * answers teams-js as Teams does in a meeting (`frameContext: 'sidePanel'`, the meeting's chat id), and the API
 * answers for the manager whose meeting it is, his employee's whole vitality preparation shared.
 */
import type { ConversationSummary, ConversationView } from '../src/app/index.js';
import { currentFormat, fieldsOf } from '../src/domain/formats.js';

const fatima = { id: 'fatima', displayName: 'Fatima El Amrani', email: 'fatima@dijkstad.example' };
const jeroen = { id: 'jeroen', displayName: 'Jeroen Bakker', email: 'jeroen@dijkstad.example' };

/** The meeting's chat, as the Teams context names it and the join link of the meeting the app created holds it. */
const meetingChatId = '19:meeting_YmVuY2gtc2lkZS1wYW5lbA@thread.v2';

/** Where the side panel's host page is served. */
export const sidePanelHostPath = '/teams/side-panel';

/** The side panel's width in Teams. */
export const sidePanelWidth = 320;

/**
 * The tab's side panel address, as the meeting tab's configuration saves it (`?view=zijpaneel`, no route: the app
 * finds the meeting's conversation itself), with the demo user of local mode.
 */
const tabAddress = '/tabs/home/index.html?view=zijpaneel&user=jeroen';

/**
 * The host page. teams-js accepts answers from a parent on the tab's own origin, so this page can play Teams:
 * `initialize` gets the frame context, the client type and a runtime, `getContext` the meeting's context; other
 * calls (theme handler, notifySuccess) need no answer. It notes which calls came, so the bench can check the tab
 * really ran as a Teams side panel.
 */
export function sidePanelHostPage(): string {
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: {},
      appEntity: {},
      meeting: {},
      pages: { appButton: {}, tabs: {}, config: {} },
      teamsCore: {},
    },
  };
  const context = {
    locale: 'nl-nl',
    theme: 'default',
    frameContext: 'sidePanel',
    entityId: 'gesprekscyclus',
    hostClientType: 'web',
    hostName: 'Teams',
    chatId: meetingChatId,
    meetingId: 'MCMxOTptZWV0aW5nX1ltVnVZMmd0YzJsa1pTMXdZVzVsYkFAdGhyZWFkLnYy',
    userObjectId: 'jeroen',
    userPrincipalName: jeroen.email,
    tid: 'dijkstad',
  };
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Teams meeting side panel</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:${sidePanelWidth}px;height:100%;display:block}</style>
</head><body>
<iframe id="panel" title="Gesprekscyclus" src="${tabAddress}"></iframe>
<script>
  const frame = document.getElementById('panel');
  const runtime = ${JSON.stringify(JSON.stringify(runtime))};
  const context = ${JSON.stringify(context)};
  window.teamsCalls = [];
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (event.source !== frame.contentWindow || !message || typeof message.func !== 'string') return;
    window.teamsCalls.push(message.func);
    const answer = (args) =>
      frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
    if (message.func === 'initialize') answer(['sidePanel', 'web', runtime, '2.0.0']);
    else if (message.func === 'getContext') answer([context]);
  });
</script>
</body></html>`;
}

/**
 * Runs in every frame before its scripts; in the tab's frame it notes the first animation frame in which the
 * compact header, and then the meeting's first section, are laid out and visible (from the frame's own start).
 */
export const watchSidePanel = `(() => {
  if (window === window.top) return;
  const visible = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const check = () => {
    if (window.panelHeaderMs === undefined && visible('[data-testid="panel-header"]'))
      window.panelHeaderMs = performance.now();
    if (window.panelSectionMs === undefined && visible('[id^="section-"]')) window.panelSectionMs = performance.now();
    if (window.panelHeaderMs === undefined || window.panelSectionMs === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Every field of her vitality preparation answered: the heaviest meeting page there is. */
function everyAnswer(): Record<string, string> {
  return Object.fromEntries(
    fieldsOf(currentFormat('vitaliteit').preparation).map((f) => [
      f.id,
      f.kind === 'smiley' ? 'happy' : `Antwoord op ${f.id}, een paar woorden.`,
    ]),
  );
}

/**
 * API answers for Jeroen in the meeting with Fatima, keyed `jeroen /api/…` (the bench's server answers by the
 * demo user first): the meeting's conversation by its chat id, as the side panel asks for it, and his list,
 * which holds the conversation whose meeting link has this meeting's chat id.
 */
export function sidePanelFixtures(): Record<string, unknown> {
  const now = new Date().toISOString();
  const format = currentFormat('vitaliteit');
  const schedule = {
    start: now,
    end: now,
    meetingUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(meetingChatId)}/0`,
  };
  const conversation: ConversationView['conversation'] = {
    id: 'c2',
    type: 'vitaliteit',
    formatVersion: format.version,
    employeeId: 'fatima',
    managerId: 'jeroen',
    stage: 'prepared',
    requestedBy: 'manager',
    schedule,
    preparation: everyAnswer(),
    completion: {},
    report: {},
    versions: [],
    decisions: [],
    createdAt: now,
    updatedAt: now,
    revision: 3,
  };
  const view: ConversationView = {
    conversation,
    format,
    relation: 'manager',
    party: 'manager',
    nextStep: 'hold-meeting',
    preparationStatus: 'shared',
    signatures: [],
    choices: [],
    wayOut: null,
    filing: 'confidential',
    names: { fatima: fatima.displayName, jeroen: jeroen.displayName },
    people: { employee: fatima, manager: jeroen },
    previous: null,
  };
  const summary: ConversationSummary = {
    id: 'c2',
    type: 'vitaliteit',
    stage: 'prepared',
    requestedBy: 'manager',
    employee: fatima,
    manager: jeroen,
    schedule,
    party: 'manager',
    nextStep: 'hold-meeting',
    revision: 3,
    updatedAt: now,
    preparationStatus: 'shared',
  };
  return {
    'jeroen /api/me': { user: jeroen, reports: [fatima], isHr: false, isManager: true },
    [`jeroen /api/meetings/${meetingChatId}/conversation`]: view,
    'jeroen /api/conversations': { items: [summary] },
    'jeroen /api/conversations/c2': view,
  };
}
