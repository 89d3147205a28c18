/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { approvalCard, commentInputId } from '../../src/cards/approval-card.js';
import { archivedCard, revisionCard } from '../../src/cards/notice-cards.js';
import { reminderKind } from '../../src/cards/reminder-card.js';
import type { Conversation } from '../../src/domain/index.js';
import { approvalFor, links, wayOut } from '../fixtures/cards.js';
import { fixtures, names, offered, people, remarks } from '../fixtures/conversations.js';
import { parseAndRender } from './render.js';

type Json = Record<string, unknown>;

/** Every action in a card, including those inside show-cards. */
function allActions(card: unknown): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const value = node as Json;
    if (typeof value.type === 'string' && value.type.startsWith('Action.')) found.push(value);
    for (const [key, child] of Object.entries(value)) if (key !== 'refresh') walk(child);
  };
  walk(card);
  return found;
}

const decideActions = (card: unknown) =>
  allActions(card).filter((a) => a.type === 'Action.Execute' && a.verb === 'decide');

/** What a person reads: the card rendered by the Adaptive Cards SDK, with show-cards' content included. */
function visible(card: unknown): string {
  const { element, problems } = parseAndRender(JSON.parse(JSON.stringify(card)));
  expect(problems).toEqual([]);
  const showCards = allActions(card)
    .filter((a) => a.type === 'Action.ShowCard')
    .map((a) => visible(a.card));
  return [element.textContent ?? '', ...showCards].join('\n');
}

/** The facts of the signature block, by role. */
function signatureFacts(card: unknown): Record<string, string> {
  const sets: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const value = node as Json;
    if (value.type === 'FactSet') sets.push(value);
    for (const child of Object.values(value)) walk(child);
  };
  walk(card);
  const out: Record<string, string> = {};
  for (const set of sets)
    for (const fact of set.facts as Array<{ title: string; value: string }>)
      out[fact.title.replace(/\\(.)/g, '$1')] = fact.value.replace(/\\(.)/g, '$1');
  return out;
}

const c = fixtures();

describe('signing card: buttons only for a signer who has not reacted', () => {
  it('offers the reflection employee akkoord, voor gezien and niet akkoord; the last two need a comment', () => {
    const { card } = approvalFor(c.reflectionOffered, 'employee', 'nl');
    const decisions = decideActions(card);
    expect(decisions.map((a) => (a.data as Json).decision)).toEqual([
      'akkoord',
      'voor_gezien',
      'niet_akkoord',
    ]);
    for (const action of decisions)
      expect(action.data).toMatchObject({ conversationId: c.reflectionOffered.id, version: 1 });
    const showCards = allActions(card).filter((a) => a.type === 'Action.ShowCard');
    expect(showCards).toHaveLength(2);
    for (const [show, decision] of [
      [showCards[0], 'voor_gezien'],
      [showCards[1], 'niet_akkoord'],
    ] as const) {
      const input = ((show!.card as Json).body as Json[]).find((e) => e.type === 'Input.Text')!;
      expect(input).toMatchObject({
        type: 'Input.Text',
        id: commentInputId(decision),
        isRequired: true,
        maxLength: 2000,
      });
      expect(String(input.errorMessage)).not.toBe('');
      expect(String(input.label)).not.toBe('');
    }
  });

  it('tells the employee what voor gezien does before she confirms it (LANGUAGE.md correction 3)', () => {
    const { card } = approvalFor(c.reflectionOffered, 'employee', 'nl');
    const show = allActions(card).find((a) => a.type === 'Action.ShowCard' && a.title === 'Voor gezien')!;
    const body = (show.card as Json).body as Json[];
    expect(body[0]).toMatchObject({ type: 'TextBlock' });
    const explanation = String(body[0]!.text).replace(/\\(.)/g, '$1');
    expect(explanation).toBe(
      'Je geeft aan dat je het verslag hebt gezien, zonder het overal mee eens te zijn. Het document wordt daarmee definitief en gaat met jouw opmerking naar je personeelsdossier. Wil je een aanpassing? Kies dan ‘Niet akkoord’.',
    );
    // The explanation comes before the remark and the confirm button.
    expect(body.findIndex((e) => e.type === 'Input.Text')).toBeGreaterThan(0);
    expect(((show.card as Json).actions as Json[])[0]).toMatchObject({
      verb: 'decide',
      title: 'Voor gezien bevestigen',
    });
  });

  it('offers the manager akkoord and niet akkoord only, also after the employee reacted', () => {
    for (const conversation of [c.reflectionOffered, c.reflectionSeen]) {
      const { card } = approvalFor(conversation, 'manager', 'nl');
      expect(decideActions(card).map((a) => (a.data as Json).decision)).toEqual(['akkoord', 'niet_akkoord']);
    }
  });

  it('gives the vitality author a status card: she signed by offering, only the manager co-signs', () => {
    const { card } = approvalFor(c.vitalityOffered, 'employee', 'nl');
    expect(decideActions(card)).toEqual([]);
    expect(allActions(card).filter((a) => a.type === 'Action.ShowCard')).toEqual([]);
    expect(card.actions).toBeUndefined();
    const text = visible(card);
    expect(text).toContain(
      'Je hebt versie 1 ondertekend en ter medeondertekening aangeboden. Jeroen de Vries reageert nog',
    );
    expect(text).toContain('Aangeboden ter medeondertekening: Gespreksverslag');
    expect(text).not.toContain('Ter ondertekening');

    const manager = approvalFor(c.vitalityOffered, 'manager', 'nl');
    expect(decideActions(manager.card).map((a) => [(a.data as Json).decision, a.title])).toEqual([
      ['akkoord', 'Medeondertekenen'],
      ['niet_akkoord', 'Terugsturen voor aanpassing'],
    ]);
    expect(visible(manager.card)).toContain('Ter medeondertekening: Gespreksverslag');
    // No "voor gezien" for anyone in a vitality conversation.
    expect(allActions(manager.card).map((a) => a.title)).not.toContain('Voor gezien');
  });

  it('shows no buttons to someone who already reacted, and their reaction in the second person', () => {
    const { card } = approvalFor(c.reflectionSeen, 'employee', 'nl');
    expect(decideActions(card)).toEqual([]);
    expect(visible(card)).toContain(
      'Je reactie is vastgelegd: voor gezien, met opmerking. We wachten nog op de reactie van Jeroen de Vries.',
    );
  });

  it('shows the state only, never buttons, without a viewer', () => {
    expect(decideActions(approvalFor(c.reflectionOffered, undefined, 'nl').card)).toEqual([]);
  });

  it('shows the final and filed states without buttons, with the filed document', () => {
    for (const conversation of [
      c.reflectionAcknowledged,
      c.reflectionFiled,
      c.vitalityCosigned,
      c.vitalityFiled,
    ]) {
      for (const viewer of ['employee', 'manager'] as const) {
        expect(decideActions(approvalFor(conversation, viewer, 'nl').card)).toEqual([]);
      }
    }
    const filed = approvalFor(c.reflectionFiled, 'employee', 'nl');
    expect(allActions(filed.card).map((a) => a.url)).toContain(c.reflectionFiled.archive?.url);
  });

  it('explains a stale version and offers no reaction on it', () => {
    const { card } = approvalFor(c.vitalityStale, 'manager', 'nl', { version: 1 });
    expect(decideActions(card)).toEqual([]);
    expect(visible(card)).toContain('Er is een nieuwere versie (versie 2)');
    expect(visible(card)).toContain('Vervangen door een nieuwere versie');
    const english = approvalFor(c.vitalityStale, 'manager', 'en', { version: 1 });
    expect(visible(english.card)).toContain('There is a newer version (version 2)');
    // The current version can be co-signed.
    expect(decideActions(approvalFor(c.vitalityStale, 'manager', 'nl').card)).toHaveLength(2);
  });
});

describe('signing card: who chose what', () => {
  it('a reflection with voor gezien says so, with the remark, on both parties’ copies', () => {
    for (const conversation of [c.reflectionSeen, c.reflectionAcknowledged, c.reflectionFiled]) {
      for (const viewer of ['employee', 'manager'] as const) {
        const { card, summary } = approvalFor(conversation, viewer, 'nl');
        const text = visible(card);
        expect(text).toContain('Medewerker: voor gezien, met opmerking.');
        expect(text).toContain(remarks.voorGezien);
        expect(text).toContain('Opmerking van Fatima El Amrani bij ‘voor gezien’');
        // Voor gezien is never reported as agreement for the employee.
        expect(text).not.toMatch(/Medewerker: akkoord/);
        expect(signatureFacts(card).Medewerker).toBe(
          'Fatima El Amrani: voor gezien, met opmerking, 17 dec 2026, 09:00',
        );
        expect(signatureFacts(card).Medewerker).not.toMatch(/akkoord/);
        expect(text).not.toMatch(/beiden akkoord|goedgekeurd|Beide partijen/i);
        expect(summary).not.toMatch(/akkoord/);
      }
    }
    const english = visible(approvalFor(c.reflectionAcknowledged, 'manager', 'en').card);
    expect(english).toContain('Employee: acknowledged (not agreed), with a remark. Manager: agreed.');
    expect(english).not.toMatch(/both agreed/i);
  });

  it('says "Versie 1 is definitief. Medewerker: voor gezien, met opmerking. Leidinggevende: akkoord."', () => {
    const text = visible(approvalFor(c.reflectionAcknowledged, 'employee', 'nl').card);
    expect(text).toContain(
      'Versie 1 is definitief. Medewerker: voor gezien, met opmerking. Leidinggevende: akkoord.',
    );
    expect(text).toContain('Je hebt voor gezien gekozen');
    const manager = visible(approvalFor(c.reflectionAcknowledged, 'manager', 'nl').card);
    expect(manager).toContain('Fatima El Amrani heeft voor gezien gekozen');
  });

  it('says "beiden akkoord" only when both chose akkoord', () => {
    const all = Object.values(c) as Conversation[];
    let agreedSeen = 0;
    for (const conversation of all) {
      for (const version of conversation.versions) {
        const onVersion = conversation.decisions.filter((d) => d.version === version.number);
        const bothAgreed =
          conversation.type !== 'vitaliteit' &&
          onVersion.length === 2 &&
          onVersion.every((d) => d.decision === 'akkoord');
        if (bothAgreed) agreedSeen += 1;
        for (const viewer of ['employee', 'manager', undefined] as const) {
          for (const locale of ['nl', 'en'] as const) {
            const { card } = approvalFor(conversation, viewer, locale, { version: version.number });
            const text = JSON.stringify(card);
            const says = locale === 'nl' ? /beiden akkoord/i : /both agreed/i;
            expect([conversation.id, version.number, viewer, locale, says.test(text)]).toEqual([
              conversation.id,
              version.number,
              viewer,
              locale,
              bothAgreed,
            ]);
          }
        }
      }
    }
    expect(agreedSeen).toBeGreaterThanOrEqual(2); // reflectionAgreed and goalsAgreed
    expect(visible(approvalFor(c.reflectionAgreed, 'manager', 'nl').card)).toContain(
      'Versie 1 is definitief: beiden akkoord. Medewerker: akkoord. Leidinggevende: akkoord.',
    );
  });

  it('says the vitality report was signed by its author and co-signed by the manager', () => {
    const employee = visible(approvalFor(c.vitalityCosigned, 'employee', 'nl').card);
    expect(employee).toContain(
      'Versie 1 is definitief. Je hebt het verslag ondertekend en aangeboden; Jeroen de Vries heeft medeondertekend.',
    );
    const manager = visible(approvalFor(c.vitalityCosigned, 'manager', 'nl').card);
    expect(manager).toContain(
      'Fatima El Amrani heeft het verslag ondertekend en aangeboden; je hebt medeondertekend.',
    );
    const nobody = visible(approvalFor(c.vitalityCosigned, undefined, 'nl').card);
    expect(nobody).toContain(
      'Fatima El Amrani heeft het verslag ondertekend en aangeboden; Jeroen de Vries heeft medeondertekend.',
    );
    for (const text of [employee, manager, nobody]) expect(text).not.toMatch(/beiden akkoord/);
  });

  it('names a delegate who co-signed on behalf of the manager', () => {
    const text = visible(approvalFor(c.vitalityDelegate, 'employee', 'nl').card);
    expect(text).toContain('Sanne Bakker heeft namens Jeroen de Vries medeondertekend');
    expect(signatureFacts(approvalFor(c.reflectionDelegate, 'employee', 'nl').card).Leidinggevende).toBe(
      'Sanne Bakker namens Jeroen de Vries: akkoord, 17 dec 2026, 12:00',
    );
  });

  it('writes the viewer’s own niet akkoord in the second person (LANGUAGE.md 16)', () => {
    const employee = visible(approvalFor(c.reflectionReturned, 'employee', 'nl').card);
    expect(employee).toContain(
      'Je hebt versie 1 niet akkoord gegeven; je leidinggevende maakt een nieuwe versie.',
    );
    expect(employee).not.toContain('Fatima El Amrani heeft versie 1 niet akkoord');
    const manager = visible(approvalFor(c.reflectionReturned, 'manager', 'nl').card);
    expect(manager).toContain(
      'Fatima El Amrani heeft versie 1 niet akkoord gegeven; jij maakt een nieuwe versie.',
    );
    const vitality = visible(approvalFor(c.vitalityReturned, 'employee', 'nl').card);
    expect(vitality).toContain(
      'Jeroen de Vries heeft versie 1 niet akkoord gegeven; jij maakt een nieuwe versie.',
    );
    expect(vitality).toContain(remarks.nietAkkoord);
  });
});

describe('signing card: heading, context and way out', () => {
  const heading = (card: { body: unknown[] }) =>
    String((card.body.find((e) => (e as Json).style === 'heading') as Json).text).replace(/\\(.)/g, '$1');

  it('follows the state: never "ter ondertekening" once final or sent back', () => {
    expect(heading(approvalFor(c.reflectionOffered, 'employee', 'nl').card)).toBe(
      'Ter ondertekening: Definitief format',
    );
    expect(heading(approvalFor(c.reflectionSeen, 'employee', 'nl').card)).toBe(
      'In ondertekening: Definitief format',
    );
    expect(heading(approvalFor(c.reflectionAcknowledged, 'employee', 'nl').card)).toBe(
      'Definitief: Reflectiegesprek',
    );
    expect(heading(approvalFor(c.reflectionFiled, 'manager', 'nl').card)).toBe(
      'Opgenomen in personeelsdossier: Reflectiegesprek',
    );
    expect(heading(approvalFor(c.vitalityFiled, 'manager', 'nl').card)).toBe(
      'Vertrouwelijk bewaard: Vitaliteitsgesprek',
    );
    expect(heading(approvalFor(c.reflectionReturned, 'manager', 'nl').card)).toBe(
      'Teruggestuurd: Definitief format',
    );
    for (const conversation of [c.reflectionAcknowledged, c.reflectionReturned, c.vitalityFiled]) {
      for (const viewer of ['employee', 'manager'] as const) {
        const built = approvalFor(conversation, viewer, 'nl');
        expect(JSON.stringify(built.card)).not.toMatch(/Ter (mede)?ondertekening|Ter akkoord/);
        expect(built.summary).not.toMatch(/Ter (mede)?ondertekening|Ter akkoord/);
      }
    }
  });

  it('says where a final document goes and who can open it', () => {
    expect(visible(approvalFor(c.reflectionAcknowledged, 'employee', 'nl').card)).toContain(
      'Het document wordt opgenomen in het personeelsdossier. HR kan het daar openen.',
    );
    const vitality = visible(approvalFor(c.vitalityCosigned, 'employee', 'nl').card);
    expect(vitality).toContain('Het verslag wordt vertrouwelijk bewaard: alleen jij en je leidinggevende');
    expect(vitality).not.toContain('personeelsdossier');
  });

  it('gives each card the conversation, its date and the employee, so a manager’s cards are told apart', () => {
    const cards = [
      offered('vitaliteit', { id: 'a', employeeId: people.employee }).conversation,
      offered('vitaliteit', { id: 'b', employeeId: people.colleague }).conversation,
      offered('reflectie', { id: 'c', employeeId: people.other }).conversation,
    ].map((conversation) => approvalFor(conversation, 'manager', 'nl'));
    const summaries = cards.map((b) => b.summary);
    expect(new Set(summaries).size).toBe(3);
    expect(summaries[1]).toBe('Ter medeondertekening: Gespreksverslag van Daan Jansen (versie 1)');
    const context = signatureFacts(cards[2]!.card);
    expect(context.Gesprek).toBe('Reflectiegesprek van Noor Visser met Jeroen de Vries');
    expect(context['Datum gesprek']).toBe('15 december 2026');
    expect(context.Versie).toBe('1, aangeboden op 16 dec 2026, 15:00');
  });

  it('points both parties to the way out after three versions sent back, with the configured text', () => {
    for (const viewer of ['employee', 'manager'] as const) {
      const text = visible(approvalFor(c.vitalityStuck, viewer, 'nl', { wayOut }).card);
      expect(text).toContain('Er zijn al 3 versies teruggestuurd.');
      expect(text).toContain(wayOut);
    }
    // Not before the third return, and not without a configured text.
    expect(visible(approvalFor(c.vitalityStale, 'manager', 'nl', { wayOut }).card)).not.toContain(wayOut);
    expect(visible(approvalFor(c.vitalityStuck, 'manager', 'nl').card)).not.toContain('teruggestuurd.');
    const revision = revisionCard({
      conversation: c.vitalityReturnedThrice,
      version: 3,
      names,
      links,
      locale: 'nl',
      wayOut,
    });
    expect(visible(revision.card)).toContain(wayOut);
    const english = visible(approvalFor(c.vitalityStuck, 'manager', 'en', { wayOut }).card);
    expect(english).toContain('3 versions have been sent back already.');
  });

  it('refreshes through Action.Execute "refresh" for both parties', () => {
    const { card } = approvalFor(c.reflectionOffered, 'employee', 'nl');
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'refresh',
        data: { conversationId: c.reflectionOffered.id, version: 1 },
      },
      userIds: ['fatima', 'jeroen'],
    });
  });

  it('puts a notice on top', () => {
    const { card } = approvalFor(c.reflectionOffered, 'employee', 'nl', {
      notice: { tone: 'warning', text: { nl: 'Let op', en: 'Careful' } },
    });
    expect(card.body[0]?.type).toBe('Container');
    expect(JSON.stringify(card.body[0])).toContain('Let op');
  });

  it('refuses a version that does not exist', () => {
    expect(() =>
      approvalCard({
        conversation: c.reflectionOffered,
        version: 7,
        names,
        links,
        locale: 'nl',
        refreshUserIds: [],
      }),
    ).toThrow('no version 7');
  });
});

describe('notices say who chose what', () => {
  it('the filed reflection says voor gezien with the remark to both, and never "goedgekeurd"', () => {
    for (const recipientIsEmployee of [true, false]) {
      const { card, summary } = archivedCard({
        conversation: c.reflectionFiled,
        names,
        links,
        locale: 'nl',
        recipientIsEmployee,
      });
      const text = visible(card);
      expect(text).toContain('Medewerker: voor gezien, met opmerking. Leidinggevende: akkoord.');
      expect(text).toContain(remarks.voorGezien);
      expect(text).toContain('Opgenomen in personeelsdossier');
      expect(text).not.toMatch(/goedgekeurd|beiden|Beide partijen/i);
      expect(summary).toBe('Opgenomen in personeelsdossier: Definitief format van Fatima El Amrani');
    }
  });

  it('names roles, never internal ids, when no display names were passed', () => {
    const { card } = archivedCard({
      conversation: c.reflectionFiled,
      links,
      locale: 'nl',
      recipientIsEmployee: false,
    });
    const text = visible(card);
    expect(text).not.toMatch(/\bfatima\b|\bjeroen\b/);
    expect(text).toContain('de medewerker: voor gezien, met opmerking');
  });

  it('the filed vitality report is kept confidentially, never in the personnel file', () => {
    const { card, summary } = archivedCard({
      conversation: c.vitalityFiled,
      names,
      links,
      locale: 'nl',
      recipientIsEmployee: true,
    });
    const text = visible(card);
    expect(text).toContain('Vertrouwelijk bewaard');
    expect(text).not.toContain('personeelsdossier');
    expect(text).toContain('persoonlijk ontwikkelingsplan (POP)');
    expect(summary).toContain('Vertrouwelijk bewaard');
  });

  it('the revision notice speaks to the author', () => {
    const { card, summary } = revisionCard({
      conversation: c.reflectionReturned,
      version: 1,
      names,
      links,
      locale: 'nl',
    });
    expect(visible(card)).toContain(
      'Fatima El Amrani heeft versie 1 niet akkoord gegeven; jij maakt een nieuwe versie.',
    );
    expect(summary).toBe('Fatima El Amrani heeft versie 1 niet akkoord gegeven');
    expect(allActions(card).map((a) => a.title)).toEqual(['Nieuwe versie maken']);
  });

  it('reminds only a signer: the vitality author has nothing left to sign', () => {
    expect(reminderKind(c.vitalityOffered, 'employee')).toBeNull();
    expect(reminderKind(c.vitalityOffered, 'manager')).toBe('approval');
    expect(reminderKind(c.reflectionOffered, 'employee')).toBe('approval');
    expect(reminderKind(c.reflectionSeen, 'employee')).toBeNull();
  });
});
