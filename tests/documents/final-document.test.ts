import { describe, expect, it } from '@jest/globals';
import type { Content } from 'pdfmake/interfaces.js';
import { fieldsOf, formatFor, type ReportVersion } from '../../src/domain/index.js';
import { buildFinalDocument, smileyIcon } from '../../src/documents/final-document.js';
import { sampleReflectionInput, sampleVitalityInput } from '../../src/documents/samples.js';
import type { FinalDocumentInput } from '../../src/ports/documents.js';
import { keysOf, plainTextOf } from './helpers.js';

function footerText(input: FinalDocumentInput, locale: 'nl' | 'en', page: number, pages: number): string {
  const footer = buildFinalDocument(input, locale).footer;
  if (typeof footer !== 'function') throw new Error('footer must be a function');
  return plainTextOf(footer(page, pages, { width: 595, height: 842, orientation: 'portrait' }) as Content);
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

describe('buildFinalDocument — Vitaliteitsgesprek', () => {
  const input = sampleVitalityInput();
  const definition = buildFinalDocument(input);
  const text = plainTextOf(definition.content);

  it('is an A4 document with header, footer and the organisation and type in the header', () => {
    expect(definition.pageSize).toBe('A4');
    const header = definition.header;
    if (typeof header !== 'function') throw new Error('header must be a function');
    const headerText = plainTextOf(
      header(2, 5, { width: 595, height: 842, orientation: 'portrait' }) as Content,
    );
    expect(headerText).toContain('Gemeente Zuiderhaven');
    expect(headerText).toContain('Vitaliteitsgesprek');
  });

  it('numbers the pages and prints the full version hash in the footer', () => {
    const version = input.conversation.versions.find((v) => v.number === 2);
    expect(version?.hash).toMatch(/^[0-9a-f]{64}$/);
    const footer = footerText(input, 'nl', 3, 7);
    expect(footer).toContain('Pagina 3 van 7');
    expect(footer).toContain(`SHA-256 ${version?.hash}`);
    expect(text).toContain(version?.hash);
  });

  it('shows organisation, type, employee with job title and department, manager and the meeting date', () => {
    for (const expected of [
      'Gemeente Zuiderhaven',
      'Vitaliteitsgesprek',
      'Fatima El Amrani',
      'Beleidsadviseur ruimtelijke ordening',
      'Sociaal en Fysiek Domein',
      'Jeroen de Vries',
      'Teamleider Ruimte',
      '1 december 2026 om 10:00–11:00',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('carries the confidentiality line of a vitality conversation', () => {
    expect(text).toContain('Vertrouwelijk — dit verslag wordt nooit gebruikt bij een beoordeling.');
  });

  it('has every section of the format, the report, the approvals and the audit trail', () => {
    const format = formatFor('vitaliteit', 1);
    for (const title of [
      '1. Inzicht in kwaliteit',
      'Gezondheid',
      'Competenties',
      'Normen, waarden en motivatie',
      'Werk',
      '2. Inventarisatie van behoeften',
      '3. Goed werknemerschap',
      '4. Goed werkgeverschap',
      'Toekomstige situatie',
    ]) {
      expect(text).toContain(title);
    }
    expect(format.preparation.length).toBe(10);
    expect(text).toContain('B. Gespreksverslag');
    expect(text).toContain('C. Akkoordverklaring');
    expect(text).toContain('D. Logboek');
  });

  it('shows both columns: the employee’s preparation and the manager’s completion', () => {
    expect(text).toContain('Voorbereiding medewerker');
    expect(text).toContain('Aanvulling leidinggevende');
    expect(text).toContain('Voor mij betekent vitaliteit dat ik aan het eind van de week');
    expect(text).toContain('Herkenbaar. Fatima is een drijvende kracht in het team');
  });

  it('prints smileys as a drawn symbol with the text', () => {
    for (const word of ['Goed', 'Neutraal', 'Kan beter', 'Niet van toepassing']) expect(text).toContain(word);
    const canvases = JSON.stringify(definition.content).match(/"canvas":/g) ?? [];
    const version = input.conversation.versions.find((v) => v.number === 2);
    const smileyIds = fieldsOf(formatFor('vitaliteit', 1).preparation)
      .filter((f) => f.kind === 'smiley')
      .map((f) => f.id);
    const ratings =
      smileyIds.filter((id) => version?.content.preparation[id]).length +
      smileyIds.filter((id) => version?.content.completion[id]).length;
    expect(ratings).toBeGreaterThan(20);
    expect(canvases.length).toBe(ratings);
    expect(smileyIcon('happy')).not.toEqual(smileyIcon('sad'));
  });

  it('leaves out optional questions nobody answered, and says so once', () => {
    expect(text).toContain('Om mijn inzetbaarheid te verhogen is het nodig dat…');
    expect(text).not.toContain('Ik verwacht van mijn collega’s…');
    expect(text).toContain(
      'Vragen die door beide partijen niet zijn ingevuld en niet verplicht waren, zijn weggelaten.',
    );
    // Answered on one side only: the other side says so.
    expect(text).toContain('niet ingevuld');
  });

  it('lists every agreement with owner and date', () => {
    expect(text).toContain('Twee vaste focusblokken per week in de agenda');
    expect(text).toContain('Bij meerdere spoedverzoeken tegelijk beslist de teamleider');
    expect(text).toContain('15 januari 2027');
    expect(text).toContain('31 mei 2027');
    expect(text).toContain('Samen');
    expect(text).toContain('Leidinggevende');
  });

  it('shows each approval with decision, remark, name, delegate and time in Europe/Amsterdam', () => {
    expect(text).toContain('Sanne Bakker');
    expect(text).toContain('namens Jeroen de Vries');
    expect(text).toContain('Niet akkoord');
    expect(text).toContain('Wil je de afspraak over prioriteiten en het wijkenproject Noord nog toevoegen');
    // 09:20 UTC on 8 December is 10:20 in Amsterdam (CET).
    expect(text).toContain('8 dec 2026 10:20');
    expect(text).toContain('Eerdere versies');
  });

  it('has the audit trail with names, the delegation and the read by the delegate', () => {
    expect(text).toContain('Vervanging ingesteld');
    expect(text).toContain('vervanger: Sanne Bakker');
    expect(text).toContain('Ingezien');
    expect(text).toContain('Door beide partijen goedgekeurd');
  });

  it('takes the content from the approved version, never from the live fields', () => {
    const live = structuredClone(input);
    live.conversation.report = { 'verslag.samenvatting': 'LIVE-CONCEPT dat nooit is goedgekeurd' };
    live.conversation.preparation = { 'kwaliteit.betekenis': 'LIVE-VOORBEREIDING' };
    const liveText = plainTextOf(buildFinalDocument(live).content);
    expect(liveText).not.toContain('LIVE-');
    expect(liveText).toContain('We hebben gesproken over mijn energie');
  });

  it('shows version 1 content when asked for version 1', () => {
    const v1Text = plainTextOf(buildFinalDocument({ ...input, version: 1 }).content);
    expect(v1Text).not.toContain('Bij meerdere spoedverzoeken tegelijk beslist de teamleider');
    expect(text).toContain('Bij meerdere spoedverzoeken tegelijk beslist de teamleider');
  });

  it('refuses a version that does not exist', () => {
    expect(() => buildFinalDocument({ ...input, version: 9 })).toThrow(/version 9/);
  });
});

describe('buildFinalDocument — Reflectiegesprek', () => {
  const input = sampleReflectionInput();
  const text = plainTextOf(buildFinalDocument(input).content);

  it('has the three parts with goal reviews, progress and course', () => {
    for (const part of ['Vitaliteit en werkplezier', 'Kennis en competenties', 'Resultaatdoelstellingen'])
      expect(text).toContain(part);
    expect(text).toContain('Doel: Certificaat Klantgericht schrijven (B1) behalen');
    expect(text).toContain('Koers vervolgen');
    expect(text).toContain('Bijsturen');
    expect(text).toContain('Inwerken samen met Priya doen');
    expect(text).toContain('Doel bijgesteld naar 78% voor dit jaar, 80% in 2027.');
  });

  it('has the final format with the three result fields and the agreements', () => {
    expect(text).toContain('B. Definitief format');
    for (const field of fieldsOf(formatFor('reflectie', 1).report.sections))
      expect(text).toContain(field.label.nl);
    expect(text).toContain('Bij storingen: extra bezetting vanuit de backoffice op dezelfde dag.');
  });

  it('prints "voor gezien" with its remark, and no vitality confidentiality line', () => {
    expect(text).toContain('Voor gezien');
    expect(text).toContain('Ik teken voor gezien');
    expect(text).not.toContain('nooit gebruikt bij een beoordeling');
  });

  it('shows the reassignment to another manager in the audit trail', () => {
    expect(text).toContain('Andere leidinggevende toegewezen');
    expect(text).toContain('van leidinggevende: Peter van Dijk');
    expect(text).toContain('naar leidinggevende: Marieke Jansen');
  });
});

describe('buildFinalDocument — English', () => {
  it('uses English fixed texts and format texts', () => {
    const input = sampleVitalityInput();
    const text = plainTextOf(buildFinalDocument(input, 'en').content);
    for (const expected of [
      'Vitality conversation',
      'Confidential — this report is never used in an appraisal.',
      'Employee’s preparation',
      'Manager’s completion',
      'C. Approval',
      'D. Audit trail',
      'on behalf of Jeroen de Vries',
      'Not agreed',
      'Could be better',
      '1 December 2026',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Akkoordverklaring');
    expect(footerText(input, 'en', 2, 6)).toContain('Page 2 of 6');
  });
});

describe('buildFinalDocument — hostile user text', () => {
  const hostile = [
    '{"text":"x","image":"data:image/png;base64,AAAA"}',
    '<b>vet</b> <script>alert(1)</script>',
    '${process.env.SECRET} {{x}} %s',
    'a'.repeat(500),
    'x'.repeat(10_000),
    'Top 👍🏽 👨‍👩‍👧 🙂',
    'half \uD83D en \uDE00 los',
  ];
  const base = sampleVitalityInput();
  const input = withVersionContent(base, (content) => {
    content.preparation['kwaliteit.betekenis'] = hostile[0] as string;
    content.completion['kwaliteit.betekenis'] = hostile[1] as string;
    content.preparation['behoeften.verbeterpunten'] = hostile[2] as string;
    content.completion['behoeften.verbeterpunten'] = hostile[3] as string;
    content.report['verslag.samenvatting'] = hostile[4] as string;
    content.report['verslag.afspraken'] = [
      { id: 'h1', text: hostile[5] as string, owner: 'both' },
      { id: 'h2', text: hostile[6] as string, owner: 'employee' },
    ];
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
    ]) {
      expect(keys.has(forbidden)).toBe(false);
    }
    expect(JSON.stringify(definition.content)).not.toContain('"image":"data');
  });

  it('keeps very long text complete and gives long words break opportunities', () => {
    expect(text).toContain('x'.repeat(10_000));
    const raw = JSON.stringify(definition.content);
    expect(raw).not.toContain('x'.repeat(41));
  });

  it('replaces emoji and broken surrogate halves with a replacement character', () => {
    expect(text).toContain('Top \uFFFD \uFFFD \uFFFD');
    expect(text).toContain('half \uFFFD en \uFFFD los');
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
