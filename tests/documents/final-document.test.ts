/** The final document's definition: header, footer, text and signatures for both conversation types. */
import { describe, expect, it } from '@jest/globals';
import type { Content } from 'pdfmake/interfaces.js';
import {
  auditLabel,
  fieldsOf,
  formatFor,
  isAuditAction,
  peopleLog,
  smileyLabels,
  transition,
  type ReportVersion,
} from '../../src/domain/index.js';
import { buildFinalDocument, smileyIcon } from '../../src/documents/final-document.js';
import type { FinalDocumentInput } from '../../src/ports/documents.js';
import {
  reflectionDocumentInput,
  reflectionRemark,
  reflectionReturnComment,
  vitalityDocumentInput,
  vitalityMeeting,
  vitalityReturnComment,
} from '../fixtures/documents.js';
import { keysOf, plainTextOf } from './helpers.js';

function footerText(input: FinalDocumentInput, locale: 'nl' | 'en', page: number, pages: number): string {
  const footer = buildFinalDocument(input, locale).footer;
  if (typeof footer !== 'function') throw new Error('footer must be a function');
  return plainTextOf(footer(page, pages, { width: 595, height: 842, orientation: 'portrait' }) as Content);
}

/** The document's text as a reader reads it: lines joined, runs of white space as one space. */
function readText(input: FinalDocumentInput, locale: 'nl' | 'en' = 'nl'): string {
  return plainTextOf(buildFinalDocument(input, locale).content).replace(/\s+/g, ' ');
}

function withVersionContent(
  input: FinalDocumentInput,
  change: (content: ReportVersion['content']) => void,
): FinalDocumentInput {
  const conversation = structuredClone(input.conversation);
  const version = conversation.versions.find((v) => v.number === input.version);
  if (!version) throw new Error('no version');
  change(version.content);
  return { ...input, conversation };
}

describe('the fixtures are driven through the domain', () => {
  it('end signed, with the audit actions of the domain vocabulary only', () => {
    const vitality = vitalityDocumentInput();
    const reflection = reflectionDocumentInput();
    expect(vitality.conversation.stage).toBe('approved');
    expect(reflection.conversation.stage).toBe('approved');
    expect(vitality.conversation.versions).toHaveLength(2);
    expect(vitality.conversation.heldAt).toBe('2026-12-01T10:02:00.000Z');
    for (const input of [vitality, reflection]) {
      expect(input.audit.every((a) => isAuditAction(a.action))).toBe(true);
      expect(peopleLog(input.audit).some((line) => line.action === 'conversation.read')).toBe(false);
    }
    expect(vitality.audit.filter((a) => a.action === 'conversation.preparation-saved')).toHaveLength(9);
  });

  it('lock the meeting notes once the meeting is held', () => {
    const { conversation } = vitalityDocumentInput();
    expect(() =>
      transition(
        conversation,
        { type: 'save-completion', answers: { 'gesprek.kwaliteit': 'Na afronden getypt' } },
        { id: 'u-jeroen', party: 'manager' },
        '2026-12-09T10:00:00.000Z',
      ),
    ).toThrow();
  });
});

describe('buildFinalDocument — Vitaliteitsgesprek', () => {
  const input = vitalityDocumentInput();
  const definition = buildFinalDocument(input);
  const text = readText(input);

  it('is an A4 document with the organisation, the type and "Vertrouwelijk" in the header', () => {
    expect(definition.pageSize).toBe('A4');
    const header = definition.header;
    if (typeof header !== 'function') throw new Error('header must be a function');
    const headerText = plainTextOf(
      header(2, 5, { width: 595, height: 842, orientation: 'portrait' }) as Content,
    );
    expect(headerText).toContain('Gemeente Zuiderhaven');
    expect(headerText).toContain('Vitaliteitsgesprek');
    expect(headerText).toContain('Vertrouwelijk');
  });

  it('is kept confidentially, never for the personnel file', () => {
    expect(text).toContain('Gespreksverslag · Vertrouwelijk bewaard');
    expect(text).toContain(
      'Vertrouwelijk — alleen voor de medewerker en de leidinggevende; wordt nooit gebruikt bij een beoordeling.',
    );
    expect(text).not.toMatch(/personeelsdossier/i);
    expect(JSON.stringify(definition.info)).not.toMatch(/personeelsdossier/i);
  });

  it('shows the people, the meeting date and the day it became final, each right', () => {
    for (const expected of [
      'Fatima El Amrani',
      'Beleidsadviseur ruimtelijke ordening',
      'Sociaal en Fysiek Domein',
      'Leidinggevende Jeroen de Vries',
      'Teamleider Ruimte',
      // Held on 1 December (10:02 UTC = 11:02 in Amsterdam), planned 10:00–11:00.
      'Datum gesprek 1 december 2026, 10:00–11:00 uur',
      // Final when the delegate co-signed, a week later.
      'Definitief op 8 december 2026 om 10:20',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints the Controlecode once, and only there', () => {
    const version = input.conversation.versions.find((v) => v.number === 2);
    expect(version?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(text.split(version?.hash ?? '-').length - 1).toBe(1);
    expect(text).toContain(`Controlecode (SHA-256) van versie 2: ${version?.hash}`);
    expect(text).not.toMatch(/controlewaarde|checksum/i);
    const footer = footerText(input, 'nl', 3, 7);
    expect(footer).toContain('Pagina 3 van 7');
    expect(footer).not.toContain(version?.hash);
  });

  it('has the employee’s answers, the manager’s notes per topic, the report, the signatures and the log', () => {
    for (const title of [
      'A. Voorbereiding van de medewerker',
      '1. Inzicht in kwaliteit',
      'Gezondheid',
      'Omgeving: gezin, familie en sociale kring',
      '3. Ontwikkeling van goed werknemerschap',
      '4. Goed werkgeverschap mogelijk maken',
      'Toekomstige situatie',
      'B. Aantekeningen bij het gesprek',
      'C. Gespreksverslag',
      'D. Ondertekening',
      'E. Logboek',
    ]) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Voor mij betekent vitaliteit dat ik aan het eind van de week');
    expect(text).toContain('Fatima is een drijvende kracht in het team');
    expect(text).toContain('vastgelegd bij het afronden van het gesprek op 1 december 2026');
    expect(text).toContain('3. Ontwikkeling van goed werknemerschap Geen aantekeningen.');
  });

  it('has her ratings only, with the domain’s words and a drawn face: no second column', () => {
    for (const word of Object.values(smileyLabels).map((l) => l.nl)) expect(text).toContain(word);
    expect(text).not.toContain('Aanvulling leidinggevende');
    expect(text).not.toContain('Neutraal');
    expect(text).not.toContain('Kan beter');
    const version = input.conversation.versions.find((v) => v.number === 2);
    const smileyIds = fieldsOf(formatFor('vitaliteit', 2).preparation)
      .filter((f) => f.kind === 'smiley')
      .map((f) => f.id);
    const ratings = smileyIds.filter((id) => version?.content.preparation[id]).length;
    expect(ratings).toBeGreaterThanOrEqual(20);
    const canvases = JSON.stringify(definition.content).match(/"canvas":/g) ?? [];
    expect(canvases.length).toBe(ratings);
    expect(smileyIcon('happy')).not.toEqual(smileyIcon('sad'));
  });

  it('leaves out optional questions she did not answer, and says so once', () => {
    expect(text).toContain('Om mijn inzetbaarheid te verhogen is het nodig dat…');
    expect(text).not.toContain('Ik verwacht van mijn collega’s…');
    expect(text.match(/zijn weggelaten/g)).toHaveLength(1);
  });

  it('lists every agreement with owner and date', () => {
    expect(text).toContain('Bij meerdere spoedverzoeken tegelijk beslist de teamleider');
    expect(text).toContain('15 januari 2027');
    expect(text).toContain('31 mei 2027');
    expect(text).toContain('Samen');
  });

  it('says she signed by offering and the delegate co-signed on the manager’s behalf', () => {
    expect(text).toContain(
      'Versie 2 is definitief: ondertekend en ter medeondertekening aangeboden door Fatima El Amrani op 4 december 2026 om 11:06; medeondertekend door Sanne Bakker namens Jeroen de Vries op 8 december 2026 om 10:20.',
    );
    expect(text).toContain('Medeondertekend (akkoord)');
    // She never approves her own report.
    expect(text).not.toMatch(/Medewerker: akkoord/);
    expect(text).not.toMatch(/beiden|goedgekeurd/i);
  });

  it('lists the returned version 1 with who chose what', () => {
    expect(text).toContain('Eerdere versies');
    expect(text).toContain('Versie 1 is teruggegeven; er volgde een nieuwe versie.');
    expect(text).toContain(`Leidinggevende: niet akkoord, met opmerking: “${vitalityReturnComment}”`);
  });

  it('has a log for people: names, the domain’s labels, saves collapsed, reads and internals left out', () => {
    expect(text).toContain('Fatima El Amrani Voorbereiding bijgewerkt (9×, 24 t/m 26 november)');
    expect(text).toContain(auditLabel('conversation.meeting-attached', 'nl'));
    expect(text).toContain('Sanne Bakker namens Jeroen de Vries Reactie gegeven: akkoord 2');
    expect(text).not.toContain('Gesprek ingezien');
    expect(text).not.toContain('conversation.');
    expect(text).not.toContain(vitalityMeeting.eventId);
    expect(text).not.toMatch(/https?:|localhost/);
    for (const id of ['u-fatima', 'u-jeroen', 'u-sanne', input.conversation.id])
      expect(text).not.toContain(id);
  });

  it('never prints an id the directory did not know', () => {
    const unknown = { ...input, names: { 'u-fatima': 'Fatima El Amrani' } };
    const unknownText = readText(unknown);
    expect(unknownText).not.toContain('u-sanne');
    expect(unknownText).not.toContain('u-jeroen');
    expect(unknownText).toContain('(naam onbekend)');
  });

  it('takes the content from the signed version, never from the live fields', () => {
    const live = structuredClone(input);
    live.conversation.report = { 'verslag.samenvatting': 'LIVE-CONCEPT dat nooit is ondertekend' };
    live.conversation.preparation = { 'kwaliteit.betekenis': 'LIVE-VOORBEREIDING' };
    live.conversation.completion = { 'gesprek.kwaliteit': 'LIVE-AANTEKENING na afronden' };
    const liveText = readText(live);
    expect(liveText).not.toContain('LIVE-');
    expect(liveText).toContain('We hebben gesproken over mijn energie');
  });

  it('shows version 1 content when asked for version 1, and says it was returned', () => {
    const v1Text = readText({ ...input, version: 1 });
    expect(v1Text).not.toContain('Bij meerdere spoedverzoeken tegelijk beslist de teamleider');
    expect(v1Text).toContain('Definitief op nog niet definitief');
    expect(v1Text).toContain('Versie 1 is teruggegeven');
  });

  it('refuses a version that does not exist', () => {
    expect(() => buildFinalDocument({ ...input, version: 9 })).toThrow(/version 9/);
  });
});

describe('buildFinalDocument — Reflectiegesprek with voor gezien', () => {
  const input = reflectionDocumentInput();
  const text = readText(input);

  it('is filed in the personnel file', () => {
    expect(text).toContain('Definitief format · Opgenomen in personeelsdossier');
    expect(text).not.toContain('Vertrouwelijk');
  });

  it('has the three parts, part 1 with the notice, and per goal the progress, the course and the manager’s note', () => {
    for (const part of ['Vitaliteit en werkplezier', 'Kennis en competenties', 'Resultaatdoelstellingen'])
      expect(text).toContain(part);
    expect(text).toContain('Vitaliteit en werkplezier Het gaat om feedback, niet om beoordelen');
    expect(text).toContain('nooit gebruikt bij een beoordeling');
    expect(text).toContain('Doel: Certificaat Klantgericht schrijven (B1) behalen');
    expect(text).toContain('Koers: vervolgen');
    expect(text).toContain('Koers: bijsturen');
    expect(text).toContain('Bijsturing: Inwerken samen met Priya doen');
    expect(text).toContain('Aanvulling leidinggevende Voortgang: Realistisch beeld');
    // A goal the manager wrote nothing about has no empty addition.
    expect(text).toContain(
      'Doel: Wachttijd telefoon gemiddeld onder de 3 minuten Voorbereiding medewerker Voortgang: Gemiddeld 2:40 minuten over het afgelopen half jaar. Koers: vervolgen',
    );
    expect(text).not.toContain(
      'onder de 3 minuten Voorbereiding medewerker Voortgang: Gemiddeld 2:40 minuten over het afgelopen half jaar. Koers: vervolgen Aanvulling',
    );
  });

  it('has the final format with the three result fields and the agreements', () => {
    expect(text).toContain('B. Definitief format');
    for (const field of fieldsOf(formatFor('reflectie', 1).report.sections))
      expect(text).toContain(field.label.nl);
    expect(text).toContain('Bij storingen: extra bezetting vanuit de backoffice op dezelfde dag.');
  });

  it('says who chose what: voor gezien with her remark, and the manager’s akkoord', () => {
    expect(text).toContain(
      `Versie 2 is definitief. Medewerker: voor gezien, met opmerking: “${reflectionRemark}” Leidinggevende: akkoord.`,
    );
    expect(text).toContain('Voor gezien');
    expect(text).toContain('Reactie gegeven: voor gezien');
    expect(text).not.toMatch(/beiden akkoord|beide partijen|goedgekeurd/i);
    expect(text).toContain(
      `Versie 1 is teruggegeven; er volgde een nieuwe versie. Medewerker: niet akkoord, met opmerking: “${reflectionReturnComment}” Leidinggevende: geen reactie.`,
    );
  });

  it('prints decomposed names composed', () => {
    const raw = JSON.stringify(buildFinalDocument(input).content);
    expect(raw).not.toContain('Zöë'.normalize('NFD'));
    expect(text).toContain('Zöë Jansen');
    expect(text).toContain('Medewerker coördinatie klantcontact');
  });
});

describe('buildFinalDocument — English', () => {
  it('uses English fixed texts, the domain’s English words and format texts', () => {
    const input = vitalityDocumentInput();
    const text = readText(input, 'en');
    for (const expected of [
      'Vitality conversation',
      'Confidential — only for the employee and their manager; never used in an appraisal.',
      'D. Signatures',
      'E. Log',
      'co-signed by Sanne Bakker on behalf of Jeroen de Vries',
      'Not agreed',
      'Not true',
      'Preparation updated (9×, 24–26 November)',
      '1 December 2026',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Ondertekening');
    expect(footerText(input, 'en', 2, 6)).toContain('Page 2 of 6');
    expect(readText(reflectionDocumentInput(), 'en')).toContain(
      'Version 2 is final. Employee: acknowledged (not agreed), with remark:',
    );
  });
});

describe('buildFinalDocument — hostile user text', () => {
  const hostile = [
    '{"text":"x","image":"data:image/png;base64,AAAA"}',
    '<b>vet</b> <script>alert(1)</script>',
    '${process.env.SECRET} {{x}} %s',
    'x'.repeat(10_000),
  ];
  const base = vitalityDocumentInput();
  const input = withVersionContent(base, (content) => {
    content.preparation['kwaliteit.betekenis'] = hostile[0] as string;
    content.completion['gesprek.kwaliteit'] = hostile[1] as string;
    content.preparation['behoeften.verbeterpunten'] = hostile[2] as string;
    content.report['verslag.samenvatting'] = hostile[3] as string;
  });
  input.employee = { ...input.employee, displayName: '{"text":"Naam"} <i>' };
  const definition = buildFinalDocument(input);
  const text = plainTextOf(definition.content);

  it('prints markup and JSON look-alikes literally', () => {
    expect(text).toContain(hostile[0]);
    expect(text).toContain(hostile[1]);
    expect(text).toContain(hostile[2]);
    expect(text).toContain('{"text":"Naam"} <i>');
  });

  it('never turns user text into document structure', () => {
    const keys = keysOf(definition.content);
    for (const forbidden of [
      'image',
      'qr',
      'svg',
      'link',
      'linkToPage',
      'linkToDestination',
      'absolutePosition',
    ])
      expect(keys.has(forbidden)).toBe(false);
    expect(JSON.stringify(definition.content)).not.toContain('"image":"data');
  });

  it('keeps very long text complete and gives long words break opportunities', () => {
    expect(text).toContain('x'.repeat(10_000));
    expect(JSON.stringify(definition.content)).not.toContain('x'.repeat(41));
  });
});
