/** The archived JSON beside the PDF: its content hash, and what it holds for each kind of filing. */
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { reportContent, type ReportVersion } from '../../src/domain/index.js';
import {
  archiveSchemaId,
  archiveSchemaVersion,
  buildArchiveJson,
  canonicalJson,
  contentFreeSchemaId,
  contentFreeSchemaVersion,
  contentHash,
  fileNameFor,
} from '../../src/documents/archive-json.js';
import {
  reflectionDocumentInput,
  reflectionRemark,
  vitalityDocumentInput,
  vitalityReturnComment,
} from '../fixtures/documents.js';

describe('contentHash', () => {
  it('is the SHA-256 of the canonical JSON, with keys sorted at every depth', () => {
    const a: ReportVersion['content'] = {
      preparation: { b: 'x', 'deel.x': [{ goalId: 'g', title: 'é' }] },
      completion: {},
      report: {},
    };
    const b: ReportVersion['content'] = {
      report: {},
      completion: {},
      preparation: { 'deel.x': [{ title: 'é', goalId: 'g' }], b: 'x' },
    };
    expect(canonicalJson(a)).toBe(
      '{"completion":{},"preparation":{"b":"x","deel.x":[{"goalId":"g","title":"é"}]},"report":{}}',
    );
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toBe(createHash('sha256').update(canonicalJson(a), 'utf8').digest('hex'));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any change of content, and keeps list order', () => {
    const one = { id: '1', text: 'Eén', owner: 'both' as const };
    const two = { id: '2', text: 'Twee', owner: 'employee' as const };
    const base: ReportVersion['content'] = {
      preparation: { q: 'ja' },
      completion: {},
      report: { list: [one, two] },
    };
    expect(contentHash(base)).not.toBe(contentHash({ ...base, preparation: { q: 'ja ' } }));
    expect(contentHash(base)).not.toBe(contentHash({ ...base, report: { list: [two, one] } }));
  });

  it('matches the hash the approved version was submitted with', () => {
    const input = vitalityDocumentInput();
    for (const version of input.conversation.versions)
      expect(contentHash(version.content)).toBe(version.hash);
    expect(contentHash(reportContent(input.conversation))).toBe(input.conversation.versions.at(-1)?.hash);
  });
});

describe('buildArchiveJson — for the personnel file (Reflectiegesprek)', () => {
  const input = reflectionDocumentInput();
  const json = JSON.parse(buildArchiveJson(input)) as Record<string, unknown> & {
    content: {
      preparation: { fieldId: string; label: { nl: string }; employee: unknown; manager: unknown }[];
      report: { fieldId: string; value: unknown }[];
    };
    decisions: { decision: string; comment: string | null; actorName: string }[];
    audit: { action: string; actorName: string; count: number; decision: string | null }[];
  };

  it('carries the schema, organisation, type, people, meeting date, outcome, version and hash', () => {
    const version = input.conversation.versions.find((v) => v.number === 2);
    expect(json).toMatchObject({
      schema: archiveSchemaId,
      schemaVersion: archiveSchemaVersion,
      organisation: 'Gemeente Zuiderhaven',
      conversation: { id: input.conversation.id, type: 'reflectie', formatVersion: 1 },
      employee: { id: 'u-daan', name: 'Daan Verhoeven' },
      manager: { id: 'u-zoe' },
      meetingDate: '2026-09-15',
      version: 2,
      hashAlgorithm: 'SHA-256',
      hash: version?.hash,
      outcome: 'acknowledged',
      finalAt: '2026-09-18T07:58:00.000Z',
    });
  });

  it('holds the signed content by field, with labels and both parties’ answers', () => {
    const field = json.content.preparation.find((f) => f.fieldId === 'deel.resultaat.reflectie');
    expect(field?.label.nl).toBe('Wat heb je geconstateerd? Zijn je behoeften veranderd?');
    expect(String(field?.manager)).toContain('vaste waarde op het KCC');
    const agreements = json.content.report.find((f) => f.fieldId === 'resultaat.afspraken')
      ?.value as unknown[];
    expect(agreements).toHaveLength(4);
  });

  it('lists every decision with names and remarks, and the log for people', () => {
    expect(json.decisions.map((d) => d.decision)).toEqual(['niet_akkoord', 'akkoord', 'voor_gezien']);
    expect(json.decisions.at(-1)).toMatchObject({ actorName: 'Daan Verhoeven', comment: reflectionRemark });
    expect(json.audit.some((a) => a.action === 'conversation.decided' && a.decision === 'voor_gezien')).toBe(
      true,
    );
    expect(json.audit.find((a) => a.action === 'conversation.preparation-saved')?.count).toBe(2);
    const text = JSON.stringify(json.audit);
    expect(text).not.toMatch(/https?:|eventId|joinUrl/);
  });

  it('uses the signed version, not the live fields', () => {
    const live = structuredClone(input);
    live.conversation.report = { 'resultaat.facilitering': 'LIVE' };
    expect(buildArchiveJson(live)).not.toContain('LIVE');
  });
});

describe('buildArchiveJson — Vitaliteitsgesprek (kept confidentially)', () => {
  const input = vitalityDocumentInput();
  const text = buildArchiveJson(input);
  const json = JSON.parse(text) as Record<string, unknown>;

  it('holds nothing but the content-free record: type, date, signed, Controlecode', () => {
    const version = input.conversation.versions.find((v) => v.number === 2);
    expect(json).toEqual({
      schema: contentFreeSchemaId,
      schemaVersion: contentFreeSchemaVersion,
      conversationId: input.conversation.id,
      employeeId: 'u-fatima',
      type: 'vitaliteit',
      date: '2026-12-01',
      signed: true,
      hash: version?.hash,
    });
  });

  it('has no answer, note, smiley, report text, remark or name in it', () => {
    const version = input.conversation.versions.find((v) => v.number === 2);
    const values = [
      ...Object.values(version?.content.preparation ?? {}),
      ...Object.values(version?.content.completion ?? {}),
      ...Object.values(version?.content.report ?? {}),
    ].flatMap((value) =>
      typeof value === 'string' ? [value] : (value as { text?: string }[]).map((v) => v.text ?? ''),
    );
    expect(values.length).toBeGreaterThan(20);
    for (const value of values.filter((v) => v.length > 3)) expect(text).not.toContain(value);
    for (const word of [
      'happy',
      'neutral',
      'sad',
      'Fatima',
      'Jeroen',
      'Sanne',
      'verslag',
      'gesprek.',
      'huis.',
    ])
      expect(text).not.toContain(word);
    expect(text).not.toContain(vitalityReturnComment);
  });
});

describe('fileNameFor', () => {
  const conversation = vitalityDocumentInput().conversation;

  it('follows the convention: meeting day, type, employee, version', () => {
    expect(fileNameFor(conversation, 'Fatima El Amrani', 2)).toBe(
      '2026-12-01 Vitaliteitsgesprek - Fatima El Amrani - v2.pdf',
    );
    expect(fileNameFor(reflectionDocumentInput().conversation, 'Daan Verhoeven', 1, 'json')).toBe(
      '2026-09-15 Reflectiegesprek - Daan Verhoeven - v1.json',
    );
  });

  it('uses the Amsterdam calendar day of the meeting: when it was held, else when it was planned', () => {
    const { heldAt: _held, ...notHeld } = conversation;
    const late = {
      ...notHeld,
      schedule: { start: '2026-06-30T22:30:00.000Z', end: '2026-06-30T23:00:00.000Z' },
    };
    expect(fileNameFor(late, 'A', 1).startsWith('2026-07-01 ')).toBe(true);
    const heldNextDay = { ...conversation, heldAt: '2026-12-02T08:00:00.000Z' };
    expect(fileNameFor(heldNextDay, 'A', 1).startsWith('2026-12-02 ')).toBe(true);
  });

  it('keeps only characters SharePoint accepts and stays within 200 characters', () => {
    const name = fileNameFor(conversation, ' ..Ab"c*d:e<f>g?h/i\\j|k#l%m\u0007 😀 ', 3);
    expect(name).toBe('2026-12-01 Vitaliteitsgesprek - Ab c d e f g h i j k l m - v3.pdf');
    expect(name).not.toMatch(/["*:<>?/\\|]/);
    const long = fileNameFor(conversation, 'Ë'.repeat(400), 12);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith(' - v12.pdf')).toBe(true);
    expect(fileNameFor(conversation, '...', 1)).toBe(
      `2026-12-01 Vitaliteitsgesprek - ${conversation.employeeId} - v1.pdf`,
    );
  });
});
