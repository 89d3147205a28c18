import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { reportContent, type ReportVersion } from '../../src/domain/index.js';
import {
  archiveSchemaId,
  archiveSchemaVersion,
  buildArchiveJson,
  canonicalJson,
  contentHash,
  fileNameFor,
} from '../../src/documents/archive-json.js';
import { sampleReflectionInput, sampleVitalityInput } from '../../src/documents/samples.js';

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
    const input = sampleVitalityInput();
    for (const version of input.conversation.versions)
      expect(contentHash(version.content)).toBe(version.hash);
    expect(contentHash(reportContent(input.conversation))).toBe(input.conversation.versions.at(-1)?.hash);
  });
});

describe('buildArchiveJson', () => {
  const input = sampleVitalityInput();
  const json = JSON.parse(buildArchiveJson(input)) as Record<string, unknown> & {
    content: {
      preparation: { fieldId: string; label: { nl: string }; employee: unknown; manager: unknown }[];
      report: { fieldId: string; value: unknown }[];
    };
    decisions: { decision: string; onBehalfOfName: string | null; actorName: string }[];
    audit: { action: string; actorName: string }[];
  };

  it('carries the schema, organisation, type, people, meeting date, version and hash', () => {
    const version = input.conversation.versions.find((v) => v.number === 2);
    expect(json).toMatchObject({
      schema: archiveSchemaId,
      schemaVersion: archiveSchemaVersion,
      organisation: 'Gemeente Zuiderhaven',
      conversation: {
        id: input.conversation.id,
        type: 'vitaliteit',
        formatVersion: 1,
        title: { nl: 'Vitaliteitsgesprek' },
      },
      employee: {
        id: 'u-fatima',
        name: 'Fatima El Amrani',
        jobTitle: 'Beleidsadviseur ruimtelijke ordening',
      },
      manager: { id: 'u-jeroen', name: 'Jeroen de Vries' },
      meetingDate: '2026-12-01',
      version: 2,
      hashAlgorithm: 'SHA-256',
      hash: version?.hash,
      approvedAt: '2026-12-08T09:20:00.000Z',
    });
  });

  it('holds the approved content by field, with labels and both columns', () => {
    const field = json.content.preparation.find((f) => f.fieldId === 'kwaliteit.betekenis');
    expect(field?.label.nl).toBe('Wat betekent vitaliteit voor jou persoonlijk?');
    expect(String(field?.employee)).toContain('Voor mij betekent vitaliteit');
    expect(String(field?.manager)).toContain('Herkenbaar');
    const agreements = json.content.report.find((f) => f.fieldId === 'verslag.afspraken')?.value as unknown[];
    expect(agreements).toHaveLength(4);
  });

  it('lists every decision with names and the delegate, and the audit trail', () => {
    expect(json.decisions.map((d) => d.decision)).toEqual(['akkoord', 'niet_akkoord', 'akkoord', 'akkoord']);
    expect(json.decisions.at(-1)).toMatchObject({
      actorName: 'Sanne Bakker',
      onBehalfOfName: 'Jeroen de Vries',
    });
    expect(
      json.audit.some((a) => a.action === 'delegation-created' && a.actorName === 'Jeroen de Vries'),
    ).toBe(true);
  });

  it('uses the approved version, not the live fields', () => {
    const live = structuredClone(input);
    live.conversation.report = { 'verslag.samenvatting': 'LIVE' };
    expect(buildArchiveJson(live)).not.toContain('LIVE');
  });
});

describe('fileNameFor', () => {
  const conversation = sampleVitalityInput().conversation;

  it('follows the convention: meeting day, type, employee, version', () => {
    expect(fileNameFor(conversation, 'Fatima El Amrani', 2)).toBe(
      '2026-12-01 Vitaliteitsgesprek - Fatima El Amrani - v2.pdf',
    );
    expect(fileNameFor(sampleReflectionInput().conversation, 'Daan Verhoeven', 1, 'json')).toBe(
      '2026-09-15 Reflectiegesprek - Daan Verhoeven - v1.json',
    );
  });

  it('uses the Amsterdam calendar day of the meeting', () => {
    const late = {
      ...conversation,
      schedule: { start: '2026-06-30T22:30:00.000Z', end: '2026-06-30T23:00:00.000Z' },
    };
    expect(fileNameFor(late, 'A', 1).startsWith('2026-07-01 ')).toBe(true);
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
