/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import {
  filingOf,
  signatureSummary,
  type Conversation,
  type LocalizedText,
} from '../../../src/domain/index.js';
import {
  SignatureBlock,
  WayOut,
  signatureTexts,
  type SignatureSource,
} from '../../../src/tab/components/signature-block.js';
import { I18nProvider, createI18n } from '../../../src/tab/i18n/i18n.js';
import { fixtures, names, remarks } from '../../fixtures/conversations.js';

const all = fixtures();
const nl = createI18n('nl');

function sourceOf(conversation: Conversation, wayOut: LocalizedText | null = null): SignatureSource {
  return {
    conversation: { ...conversation, revision: 1 },
    signatures: conversation.versions.map((v) => signatureSummary(conversation, v)),
    names,
    filing: filingOf(conversation.type),
    people: {
      employee: { id: conversation.employeeId, displayName: names[conversation.employeeId] ?? '' },
      manager: { id: conversation.managerId, displayName: names[conversation.managerId] ?? '' },
    },
    wayOut,
  } as SignatureSource;
}

function textsOf(conversation: Conversation, viewerId: string, i18n = nl) {
  const source = sourceOf(conversation);
  const summary = source.signatures.at(-1);
  if (!summary) throw new Error('no version');
  return signatureTexts(source, summary, viewerId, i18n);
}

describe('who chose what, in the tab', () => {
  it('says voor gezien with her remark, never akkoord for her, and never "beiden akkoord"', () => {
    const texts = textsOf(all.reflectionAcknowledged, 'fatima');
    expect(texts.headline).toBe(
      `Versie 1 is definitief. Medewerker: voor gezien, met opmerking: “${remarks.voorGezien}”. Leidinggevende: akkoord.`,
    );
    expect(texts.headline).not.toMatch(/beiden|goedgekeurd/);
    // Her own line in the second person, and with her choice.
    const own = texts.lines.find((l) => l.startsWith('Jouw reactie'));
    expect(own).toMatch(/^Jouw reactie: voor gezien — /);
    expect(texts.lines.join('\n')).toMatch(/Jeroen de Vries: akkoord — /);
    expect(texts.viewer).toMatch(/^Je hebt voor gezien gekozen/);
    expect(texts.filing).toMatch(/personeelsdossier/);
  });

  it('tells the manager by name what she chose', () => {
    const texts = textsOf(all.reflectionAcknowledged, 'jeroen');
    expect(texts.lines.join('\n')).toMatch(/Fatima El Amrani: voor gezien — /);
    expect(texts.lines.join('\n')).toMatch(/Jouw reactie: akkoord — /);
    expect(texts.viewer).toMatch(/^Fatima El Amrani heeft voor gezien gekozen/);
  });

  it('says "beiden akkoord" only when both chose akkoord', () => {
    expect(textsOf(all.reflectionAgreed, 'fatima').headline).toBe(
      'Versie 1 is definitief: beiden akkoord. Medewerker: akkoord. Leidinggevende: akkoord.',
    );
    expect(textsOf(all.reflectionEmployeeAgreed, 'fatima').headline).toBe(
      'Versie 1 wacht op ondertekening. Medewerker: akkoord. Leidinggevende: nog geen reactie.',
    );
    expect(textsOf(all.reflectionEmployeeAgreed, 'fatima').viewer).toBe(
      'We wachten nog op de reactie van Jeroen de Vries.',
    );
  });

  it('names a delegate and whom she acted for', () => {
    expect(textsOf(all.reflectionDelegate, 'fatima').lines.join('\n')).toMatch(
      /Sanne Bakker namens Jeroen de Vries: akkoord/,
    );
  });

  it('vitality: the author signed by offering, the manager co-signs', () => {
    const offered = textsOf(all.vitalityOffered, 'fatima');
    expect(offered.headline).toBe('Versie 1 wacht op medeondertekening.');
    expect(offered.lines[0]).toMatch(
      /^Je hebt het verslag ondertekend en ter medeondertekening aangeboden — /,
    );
    expect(offered.lines[1]).toBe('Jeroen de Vries heeft nog niet medeondertekend');
    expect(offered.viewer).toMatch(/^Je hoeft niets meer te doen: Jeroen de Vries reageert nog/);

    const cosigned = textsOf(all.vitalityCosigned, 'fatima');
    expect(cosigned.headline).toBe('Versie 1 is definitief.');
    expect(cosigned.lines[1]).toMatch(/^Jeroen de Vries heeft medeondertekend — /);
    expect(cosigned.filing).toMatch(/^Vertrouwelijk bewaard: alleen jij en je leidinggevende/);
    expect(cosigned.lines.join(' ')).not.toMatch(/akkoord/);

    const asManager = textsOf(all.vitalityCosigned, 'jeroen');
    expect(asManager.lines[0]).toMatch(/^Fatima El Amrani heeft het verslag ondertekend/);
    expect(asManager.lines[1]).toMatch(/^Je hebt medeondertekend — /);
  });

  it('vitality sent back: the comment, in the second person for the manager', () => {
    const texts = textsOf(all.vitalityReturned, 'jeroen');
    expect(texts.headline).toBe('Versie 1 is teruggestuurd; er volgt een nieuwe versie.');
    expect(texts.lines[1]).toContain(
      `Je hebt niet akkoord gegeven, met toelichting: “${remarks.nietAkkoord}”`,
    );
  });

  it('speaks English with the catalogue’s words', () => {
    const texts = textsOf(all.reflectionAcknowledged, 'jeroen', createI18n('en'));
    expect(texts.headline).toContain('Employee: acknowledged (not agreed), with a remark');
    expect(texts.headline).toContain('Manager: agreed.');
  });

  it('renders the block with earlier versions, and the way out after three versions sent back', () => {
    const stuck = sourceOf(all.vitalityStuck, { nl: 'Neem contact op met HR.', en: 'Contact HR.' });
    render(
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale="nl">
          <WayOut view={stuck} />
          <SignatureBlock view={stuck} viewerId="fatima" history />
        </I18nProvider>
      </FluentProvider>,
    );
    expect(screen.getByText('Er zijn al 3 versies teruggestuurd.')).toBeTruthy();
    expect(screen.getByText('Neem contact op met HR.')).toBeTruthy();
    expect(screen.getByText('Eerdere versies')).toBeTruthy();
    expect(screen.getAllByText('Versie 1 is teruggestuurd; er volgt een nieuwe versie.')).toHaveLength(1);
    expect(screen.getByTestId('signature-headline').textContent).toBe('Versie 4 wacht op medeondertekening.');
  });
});
