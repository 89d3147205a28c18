/**
 * The final document for the personnel file, as a pdfmake document definition. Pure: the same input gives
 * the same definition; rendering to bytes is `PdfRenderer`'s job.
 *
 * Every piece of user text goes through `toPlainText` into a pdfmake `text` string. pdfmake never interprets
 * markup inside a string, and user values are never spread into nodes, so nothing a person typed can become
 * document structure (an image, a link, a style).
 */
import type { CanvasElement, Content, TableCell } from 'pdfmake/interfaces.js';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Agreement, AnswerValue, Goal, GoalReview, Smiley } from '../domain/answers.js';
import { formatOf, type Conversation, type Decision, type ReportVersion } from '../domain/conversation.js';
import { floorTitle, type FieldDef, type FormatDef, type SectionDef } from '../domain/formats.js';
import type { Locale } from '../domain/text.js';
import type { AuditEntryView, FinalDocumentInput } from '../ports/documents.js';
import { approvedAt, approvedVersion } from './archive-json.js';
import { formatDate, formatDateTime, formatDateTimeShort } from './dates.js';
import {
  auditActionLabels,
  auditDetailLabels,
  courseLabels,
  decisionLabels,
  label,
  ownerLabels,
  partyLabels,
  smileyLabels,
} from './labels.js';
import { printableDefinition, textFamily, toPlainText } from './printable-text.js';

/** The font family of the document's text; `printableDefinition` adds the fallback fonts where needed. */
export const documentFont = textFamily.name;

const colors = {
  ink: '#1B2733',
  heading: '#1F3A5F',
  muted: '#5F6B78',
  line: '#C9D1DA',
  fill: '#EEF2F6',
  band: '#FFF6E0',
  bandLine: '#E3B341',
} as const;

const smileyColors: Record<Smiley, string> = {
  happy: '#2E7D32',
  neutral: '#B7791F',
  sad: '#C0392B',
  na: '#8A94A0',
};

const pageMargins: [number, number, number, number] = [56, 78, 56, 70];

/** Thin grey rules between cells, no heavy outer frame: reads as a form, not a spreadsheet. */
const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => colors.line,
  vLineColor: () => colors.line,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

const plainLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 8,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

interface Ctx {
  locale: Locale;
  names: Record<string, string>;
  conversation: Conversation;
}

function nameOf(id: string, ctx: Ctx): string {
  if (id === 'system') return label('system', ctx.locale);
  return toPlainText(ctx.names[id] ?? id);
}

function muted(text: string): Content {
  return { text, style: 'muted' };
}

function notAnswered(ctx: Ctx): Content {
  return { text: label('notAnswered', ctx.locale), style: 'notAnswered' };
}

function isAnswer(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  return Array.isArray(value) && value.length > 0;
}

function asArray<T>(value: AnswerValue | undefined): T[] {
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as T[]) : [];
}

function isSmiley(value: unknown): value is Smiley {
  return value === 'happy' || value === 'neutral' || value === 'sad' || value === 'na';
}

/** A smiley drawn as vectors (no emoji font needed), 10 pt wide. */
export function smileyIcon(value: Smiley): CanvasElement[] {
  const color = smileyColors[value];
  const face: CanvasElement = {
    type: 'ellipse',
    x: 5,
    y: 5.5,
    r1: 4.6,
    r2: 4.6,
    lineColor: color,
    lineWidth: 0.9,
  };
  if (value === 'na') {
    return [
      { ...face, dash: { length: 1.2, space: 1 } },
      { type: 'line', x1: 3, y1: 5.5, x2: 7, y2: 5.5, lineColor: color, lineWidth: 0.9 },
    ];
  }
  const eyes: CanvasElement[] = [
    { type: 'ellipse', x: 3.4, y: 4.2, r1: 0.65, r2: 0.65, color, lineColor: color, lineWidth: 0.1 },
    { type: 'ellipse', x: 6.6, y: 4.2, r1: 0.65, r2: 0.65, color, lineColor: color, lineWidth: 0.1 },
  ];
  const mouths: Record<Exclude<Smiley, 'na'>, CanvasElement> = {
    happy: {
      type: 'polyline',
      points: [
        { x: 2.9, y: 6.4 },
        { x: 4, y: 7.6 },
        { x: 5, y: 7.9 },
        { x: 6, y: 7.6 },
        { x: 7.1, y: 6.4 },
      ],
      lineColor: color,
      lineWidth: 0.9,
      lineCap: 'round',
    },
    neutral: {
      type: 'line',
      x1: 3.1,
      y1: 7.3,
      x2: 6.9,
      y2: 7.3,
      lineColor: color,
      lineWidth: 0.9,
      lineCap: 'round',
    },
    sad: {
      type: 'polyline',
      points: [
        { x: 2.9, y: 8 },
        { x: 4, y: 6.9 },
        { x: 5, y: 6.6 },
        { x: 6, y: 6.9 },
        { x: 7.1, y: 8 },
      ],
      lineColor: color,
      lineWidth: 0.9,
      lineCap: 'round',
    },
  };
  return [face, ...eyes, mouths[value]];
}

function smileyCell(value: AnswerValue | undefined, ctx: Ctx): Content {
  if (!isSmiley(value)) return notAnswered(ctx);
  return {
    columns: [
      { width: 11, canvas: smileyIcon(value) },
      { width: '*', text: smileyLabels[value][ctx.locale] },
    ],
    columnGap: 4,
  };
}

function textCell(value: AnswerValue | undefined, ctx: Ctx): Content {
  return typeof value === 'string' && value.trim() ? { text: toPlainText(value) } : notAnswered(ctx);
}

function captioned(caption: string, body: Content): Content {
  return { stack: [{ text: caption, style: 'caption' }, body] };
}

function goalReviewCell(review: GoalReview | undefined, ctx: Ctx): Content {
  if (!review || (!review.progress?.trim() && !review.course && !review.adjustment?.trim()))
    return notAnswered(ctx);
  const rows: Content[] = [
    {
      text: [
        { text: `${label('progress', ctx.locale)}: `, bold: true },
        review.progress?.trim()
          ? toPlainText(review.progress)
          : { text: label('notAnswered', ctx.locale), style: 'notAnswered' },
      ],
    },
    {
      text: [
        { text: `${label('course', ctx.locale)}: `, bold: true },
        review.course
          ? courseLabels[review.course][ctx.locale]
          : { text: label('notAnswered', ctx.locale), style: 'notAnswered' },
      ],
    },
  ];
  if (review.course === 'adjust' || review.adjustment?.trim()) {
    rows.push({
      text: [
        { text: `${label('adjustment', ctx.locale)}: `, bold: true },
        review.adjustment?.trim()
          ? toPlainText(review.adjustment)
          : { text: label('notAnswered', ctx.locale), style: 'notAnswered' },
      ],
    });
  }
  return { stack: rows, margin: [0, 0, 0, 0] };
}

function goalsCell(value: AnswerValue | undefined, ctx: Ctx): Content {
  const goals = asArray<Goal>(value);
  if (goals.length === 0) return notAnswered(ctx);
  return {
    ol: goals.map((goal) => ({
      stack: [
        { text: toPlainText(goal.title), bold: true },
        ...(goal.description?.trim() ? [{ text: toPlainText(goal.description) }] : []),
      ],
      margin: [0, 0, 0, 3],
    })),
  };
}

function agreementsTable(value: AnswerValue | undefined, ctx: Ctx): Content {
  const agreements = asArray<Agreement>(value);
  if (agreements.length === 0) return muted(label('noAgreements', ctx.locale));
  const header: TableCell[] = [
    '#',
    label('agreement', ctx.locale),
    label('owner', ctx.locale),
    label('due', ctx.locale),
  ].map((text) => ({
    text,
    style: 'tableHeader',
  }));
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      widths: [14, '*', 78, 92],
      body: [
        header,
        ...agreements.map((a, index): TableCell[] => [
          { text: String(index + 1), style: 'muted' },
          { text: toPlainText(a.text) },
          { text: ownerLabels[a.owner]?.[ctx.locale] ?? toPlainText(a.owner) },
          a.due ? { text: formatDate(toPlainText(a.due), ctx.locale) } : { text: '—', style: 'muted' },
        ]),
      ],
    },
    layout: tableLayout,
  };
}

/** A question with both columns: the employee's preparation and the manager's completion. */
function twoColumnQuestion(question: string, left: Content, right: Content, ctx: Ctx): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      widths: ['*', '*'],
      body: [
        [{ text: question, style: 'question', colSpan: 2, fillColor: colors.fill }, {}],
        [
          captioned(label('preparationColumn', ctx.locale), left),
          captioned(label('completionColumn', ctx.locale), right),
        ],
      ],
    },
    layout: tableLayout,
    margin: [0, 0, 0, 8],
  };
}

function reviewsById(value: AnswerValue | undefined): Map<string, GoalReview> {
  return new Map(asArray<GoalReview>(value).map((r) => [String(r.goalId), r]));
}

function goalReviewField(
  field: FieldDef,
  prep: AnswerValue | undefined,
  done: AnswerValue | undefined,
  ctx: Ctx,
): Content[] {
  const employee = reviewsById(prep);
  const manager = reviewsById(done);
  const ids = [...new Set([...employee.keys(), ...manager.keys()])];
  if (ids.length === 0)
    return [{ text: field.label[ctx.locale], style: 'question' }, muted(label('noGoals', ctx.locale))];
  return [
    lead({ text: field.label[ctx.locale], style: 'fieldLabel', margin: [0, 0, 0, 4] }),
    ...ids.map((id) => {
      const title = employee.get(id)?.title ?? manager.get(id)?.title ?? id;
      return twoColumnQuestion(
        `${label('goal', ctx.locale)}: ${toPlainText(title)}`,
        goalReviewCell(employee.get(id), ctx),
        goalReviewCell(manager.get(id), ctx),
        ctx,
      );
    }),
  ];
}

function smileySection(section: SectionDef, content: ReportVersion['content'], ctx: Ctx): Content {
  const rows = section.fields
    .filter((f) => isAnswer(content.preparation[f.id]) || isAnswer(content.completion[f.id]))
    .map((f): TableCell[] => [
      { text: f.label[ctx.locale] },
      smileyCell(content.preparation[f.id], ctx),
      smileyCell(content.completion[f.id], ctx),
    ]);
  if (rows.length === 0) return muted(label('sectionEmpty', ctx.locale));
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', 112, 112],
      body: [
        [
          label('statement', ctx.locale),
          label('preparationColumn', ctx.locale),
          label('completionColumn', ctx.locale),
        ].map((text) => ({ text, style: 'tableHeader' })),
        ...rows,
      ],
    },
    layout: tableLayout,
    margin: [0, 0, 0, 8],
  };
}

function answerCell(field: FieldDef, value: AnswerValue | undefined, ctx: Ctx): Content {
  switch (field.kind) {
    case 'text':
      return textCell(value, ctx);
    case 'smiley':
      return smileyCell(value, ctx);
    case 'goals':
      return goalsCell(value, ctx);
    case 'agreements':
      return isAnswer(value) ? agreementsTable(value, ctx) : notAnswered(ctx);
    case 'goal-review':
      return notAnswered(ctx);
  }
}

/** Optional questions nobody answered are left out (the document says so once); required ones always show. */
function shown(field: FieldDef, content: ReportVersion['content']): boolean {
  if (field.kind === 'goal-review') return true;
  return (
    field.required === true ||
    isAnswer(content.preparation[field.id]) ||
    isAnswer(content.completion[field.id])
  );
}

/** Headings and intro lines: kept on one page with the block that follows them. */
const leads = new WeakSet<object>();

function lead<T extends Content & object>(node: T): T {
  leads.add(node);
  return node;
}

function heading(text: string, style: 'h1' | 'h2', extra: Partial<{ subtitle: string }> = {}): Content {
  return lead({
    text: [text, ...(extra.subtitle ? [{ text: `\n${extra.subtitle}`, style: 'sectionSubtitle' }] : [])],
    style,
  });
}

/**
 * A block surely fits on one A4 page when it holds at most this many characters of text and this many
 * pieces (cells, lines): even in a narrow table column that stays well under a page.
 */
const smallBlock = { characters: 1200, pieces: 60 };

function isSmall(nodes: unknown): boolean {
  let characters = 0;
  let pieces = 0;
  // Only what is printed counts: text, and the containers that hold it (not styles, colours or vectors).
  const containers = new Set(['text', 'stack', 'columns', 'table', 'body', 'ol', 'ul']);
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      characters += node.length;
      pieces += 1 + (node.match(/\n/g)?.length ?? 0);
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) if (containers.has(key)) visit(value);
    }
  };
  visit(nodes);
  return characters <= smallBlock.characters && pieces <= smallBlock.pieces;
}

/**
 * Puts each run of headings and intro lines in one unbreakable block with the first block after it, so a
 * heading never ends a page. Only when that block is small: pdfmake cuts off unbreakable content that is
 * longer than a page.
 */
function keepLeadsWithNext(items: readonly Content[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Content;
    if (typeof item !== 'object' || !leads.has(item)) {
      out.push(item);
      continue;
    }
    const group: Content[] = [];
    let j = i;
    while (j < items.length && typeof items[j] === 'object' && leads.has(items[j] as object))
      group.push(items[j++] as Content);
    if (j < items.length) group.push(items[j] as Content);
    if (isSmall(group)) out.push({ unbreakable: true, stack: group });
    else out.push(...group);
    i = i + group.length - 1;
  }
  return out;
}

function preparationSection(section: SectionDef, content: ReportVersion['content'], ctx: Ctx): Content[] {
  const floor = section.fields.find((f) => f.kind === 'smiley')?.floor;
  const isSmileySection = section.fields.length > 0 && section.fields.every((f) => f.kind === 'smiley');
  const subtitle = floor
    ? ctx.locale === 'nl'
      ? 'Huis van werkvermogen · huidige situatie'
      : 'House of Work Ability · current situation'
    : undefined;
  const title = floor ? floorTitle(floor)[ctx.locale] : section.title[ctx.locale];
  const out: Content[] = [heading(title, 'h2', subtitle ? { subtitle } : {})];
  if (isSmileySection) {
    out.push(smileySection(section, content, ctx));
    return out;
  }
  const fields = section.fields.filter((f) => shown(f, content));
  if (fields.length === 0) {
    out.push({ ...(muted(label('sectionEmpty', ctx.locale)) as object), margin: [0, 0, 0, 8] } as Content);
    return out;
  }
  for (const field of fields) {
    if (field.kind === 'goal-review') {
      out.push(...goalReviewField(field, content.preparation[field.id], content.completion[field.id], ctx));
      continue;
    }
    out.push(
      twoColumnQuestion(
        field.label[ctx.locale],
        answerCell(field, content.preparation[field.id], ctx),
        answerCell(field, content.completion[field.id], ctx),
        ctx,
      ),
    );
  }
  return out;
}

function reportPart(format: FormatDef, content: ReportVersion['content'], ctx: Ctx): Content[] {
  const author =
    format.report.author === 'employee'
      ? ctx.locale === 'nl'
        ? 'Opgesteld door de medewerker, medeondertekend door de leidinggevende.'
        : 'Written by the employee, co-signed by the manager.'
      : ctx.locale === 'nl'
        ? 'Vastgesteld door de leidinggevende, ter akkoord voorgelegd aan de medewerker.'
        : 'Finalised by the manager, submitted to the employee for approval.';
  const out: Content[] = [
    heading(`B. ${format.report.title[ctx.locale]}`, 'h1'),
    lead({ text: author, style: 'intro' }),
  ];
  for (const section of format.report.sections) {
    if (format.report.sections.length > 1 || section.title[ctx.locale] !== format.report.title[ctx.locale]) {
      out.push(heading(section.title[ctx.locale], 'h2'));
    }
    for (const field of section.fields) {
      const value = content.report[field.id];
      if (field.kind === 'agreements') {
        out.push(lead({ text: field.label[ctx.locale], style: 'fieldLabel' }), {
          ...(agreementsTable(value, ctx) as object),
          margin: [0, 2, 0, 10],
        } as Content);
        continue;
      }
      const body =
        field.kind === 'goals'
          ? goalsCell(value, ctx)
          : field.kind === 'smiley'
            ? smileyCell(value, ctx)
            : textCell(value, ctx);
      out.push({
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          widths: ['*'],
          body: [[{ text: field.label[ctx.locale], style: 'question', fillColor: colors.fill }], [body]],
        },
        layout: tableLayout,
        margin: [0, 0, 0, 8],
      });
    }
  }
  return out;
}

function decisionCell(decision: Decision | undefined, ctx: Ctx): TableCell {
  if (!decision) return { text: label('notDecided', ctx.locale), style: 'notAnswered' };
  return {
    text: decisionLabels[decision.decision][ctx.locale],
    bold: true,
    color: decision.decision === 'niet_akkoord' ? smileyColors.sad : colors.ink,
  };
}

function nameCell(decision: Decision, ctx: Ctx): TableCell {
  return {
    stack: [
      { text: nameOf(decision.actorId, ctx) },
      ...(decision.onBehalfOf
        ? [
            {
              text: label('onBehalfOf', ctx.locale, { name: nameOf(decision.onBehalfOf, ctx) }),
              style: 'muted',
            },
          ]
        : []),
    ],
  };
}

function approvalsPart(conversation: Conversation, version: ReportVersion, ctx: Ctx): Content[] {
  const forVersion = (v: number) =>
    conversation.decisions.filter((d) => d.version === v && d.party !== 'system');
  const row = (d: Decision): TableCell[] => [
    { text: partyLabels[d.party][ctx.locale] },
    nameCell(d, ctx),
    decisionCell(d, ctx),
    d.comment ? { text: toPlainText(d.comment) } : { text: '—', style: 'muted' },
    { text: formatDateTimeShort(d.at, ctx.locale) },
  ];
  // pdfmake lays nodes out in place: every table gets header cells of its own.
  const header = (): TableCell[] =>
    [
      label('role', ctx.locale),
      label('name', ctx.locale),
      label('decision', ctx.locale),
      label('remark', ctx.locale),
      label('dateTime', ctx.locale),
    ].map((text): TableCell => ({ text, style: 'tableHeader' }));
  const widths = [76, 96, 62, '*', 74];
  const decisionsTable = (v: ReportVersion): Content => {
    const decisions = forVersion(v.number).sort(byParty);
    return decisions.length === 0
      ? muted(label('notDecided', ctx.locale))
      : {
          table: {
            headerRows: 1,
            keepWithHeaderRows: 1,
            dontBreakRows: true,
            widths,
            body: [header(), ...decisions.map(row)],
          },
          layout: tableLayout,
          margin: [0, 0, 0, 8],
        };
  };
  const submitted = (v: ReportVersion): Content => ({
    text: `${label('submittedBy', ctx.locale, { version: v.number, name: nameOf(v.submittedBy, ctx) })} — ${formatDateTime(v.submittedAt, ctx.locale)}`,
    style: 'fieldLabel',
    margin: [0, 2, 0, 4],
  });
  const block: Content[] = [
    heading(`C. ${label('approvals', ctx.locale)}`, 'h1'),
    { text: label('approvalStatement', ctx.locale, { version: version.number }), style: 'intro' },
    submitted(version),
    decisionsTable(version),
    {
      table: {
        widths: [130, '*'],
        body: [
          [{ text: label('version', ctx.locale), style: 'detailKey' }, { text: String(version.number) }],
          [
            { text: label('versionHash', ctx.locale), style: 'detailKey' },
            { text: toPlainText(version.hash), style: 'hash' },
          ],
        ],
      },
      layout: plainLayout,
      margin: [0, 0, 0, 10],
    },
  ];
  // The heading, declaration, decisions and checksum belong together on one page, when they fit on one.
  const out: Content[] = isSmall(block) ? [{ unbreakable: true, stack: block }] : block;
  const earlier = conversation.versions
    .filter((v) => v.number !== version.number)
    .sort((a, b) => a.number - b.number);
  if (earlier.length > 0) {
    out.push(heading(label('history', ctx.locale), 'h2'));
    for (const v of earlier) out.push(lead(submitted(v) as Content & object), decisionsTable(v));
  }
  return out;
}

function byParty(a: Decision, b: Decision): number {
  const order = { employee: 0, manager: 1, system: 2 } as const;
  return order[a.party] - order[b.party];
}

const idKeys = /(^|[a-z])(Id|By|OnBehalfOf)$|^onBehalfOf$|^(from|to)$/;

function detailValue(key: string, value: unknown, ctx: Ctx): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return label(value ? 'yes' : 'no', ctx.locale);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  if (key === 'decision' && value in decisionLabels)
    return decisionLabels[value as Decision['decision']][ctx.locale];
  if (key === 'party' && value in partyLabels) return partyLabels[value as Decision['party']][ctx.locale];
  if (ctx.names[value] !== undefined && (idKeys.test(key) || key.endsWith('Id')))
    return toPlainText(ctx.names[value]);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value, ctx.locale);
  const text = toPlainText(value);
  // A log line, not a second copy of the report: long values are cut.
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function auditDetails(details: Record<string, unknown>, ctx: Ctx): string {
  const parts: string[] = [];
  const visit = (prefix: string, value: Record<string, unknown>, depth: number) => {
    for (const [key, raw] of Object.entries(value)) {
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && depth < 1) {
        visit(`${prefix}${key}.`, raw as Record<string, unknown>, depth + 1);
        continue;
      }
      const shownValue = detailValue(key, raw, ctx);
      if (shownValue === undefined || shownValue === '') continue;
      const name = auditDetailLabels[key]?.[ctx.locale] ?? toPlainText(`${prefix}${key}`);
      parts.push(`${name}: ${shownValue}`);
    }
  };
  if (typeof details === 'object' && details !== null) visit('', details, 0);
  return parts.join('; ');
}

function auditPart(audit: readonly AuditEntryView[], ctx: Ctx): Content[] {
  const out: Content[] = [
    { text: `D. ${label('audit', ctx.locale)}`, style: 'h1', pageBreak: 'before' },
    { text: label('auditIntro', ctx.locale), style: 'intro' },
  ];
  if (audit.length === 0) return [...out, muted(label('auditEmpty', ctx.locale))];
  const sorted = [...audit].sort((a, b) => a.at.localeCompare(b.at));
  out.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [74, 86, 104, '*'],
      body: [
        [
          label('dateTime', ctx.locale),
          label('who', ctx.locale),
          label('action', ctx.locale),
          label('auditDetails', ctx.locale),
        ].map((text): TableCell => ({ text, style: 'tableHeader' })),
        ...sorted.map((entry): TableCell[] => [
          { text: formatDateTimeShort(entry.at, ctx.locale) },
          { text: nameOf(entry.actorId, ctx) },
          { text: auditActionLabels[entry.action]?.[ctx.locale] ?? toPlainText(entry.action) },
          {
            text: auditDetails(entry.details, ctx) || '—',
            style: entry.details && Object.keys(entry.details).length ? undefined : 'muted',
          } as TableCell,
        ]),
      ],
    },
    layout: tableLayout,
    fontSize: 8.5,
  });
  return out;
}

function detailsTable(
  input: FinalDocumentInput,
  format: FormatDef,
  version: ReportVersion,
  ctx: Ctx,
): Content {
  const { conversation } = input;
  const row = (key: Parameters<typeof label>[0], value: Content): TableCell[] => [
    { text: label(key, ctx.locale), style: 'detailKey' },
    value as TableCell,
  ];
  const schedule = conversation.schedule;
  const meeting = schedule
    ? `${formatDateTime(schedule.start, ctx.locale)}–${formatDateTime(schedule.end, ctx.locale).replace(/^.* (om|at) /, '')}`
    : formatDate(conversation.createdAt, ctx.locale);
  const final = approvedAt(conversation, version.number);
  const employee = input.employee;
  const manager = input.manager;
  const body: TableCell[][] = [
    row('organisation', { text: toPlainText(input.organisation) }),
    row('conversationType', { text: format.title[ctx.locale] }),
    row('employee', { text: toPlainText(employee.displayName), bold: true }),
  ];
  if (employee.jobTitle) body.push(row('jobTitle', { text: toPlainText(employee.jobTitle) }));
  if (employee.department) body.push(row('department', { text: toPlainText(employee.department) }));
  body.push(
    row('manager', {
      text: [
        { text: toPlainText(manager.displayName), bold: true },
        ...(manager.jobTitle ? [`, ${toPlainText(manager.jobTitle)}`] : []),
      ],
    }),
    row('meetingDate', { text: meeting }),
    row('version', {
      text: `${version.number}${final ? ` — ${label('approvedOn', ctx.locale).toLowerCase()} ${formatDateTime(final, ctx.locale)}` : ''}`,
    }),
    row('formatVersion', { text: `${format.title[ctx.locale]} v${conversation.formatVersion}` }),
    row('versionHash', { text: toPlainText(version.hash), style: 'hash' }),
  );
  return { table: { widths: [130, '*'], body }, layout: plainLayout, margin: [0, 4, 0, 12] };
}

/**
 * pdfmake silently drops a table row that must stay whole (`dontBreakRows`, or the first row under
 * `keepWithHeaderRows`) when that row is taller than a page. Those options are therefore switched off for
 * tables whose rows are not surely small, so long answers break across pages instead of disappearing.
 */
function guarded(content: Content[]): Content[] {
  guardTables(content);
  return content;
}

function guardTables(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) guardTables(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const table = (
    node as {
      table?: {
        body?: unknown[][];
        headerRows?: number;
        keepWithHeaderRows?: number;
        dontBreakRows?: boolean;
      };
    }
  ).table;
  if (table?.body) {
    const rows = table.body;
    if (table.keepWithHeaderRows !== undefined && !isSmall(rows[table.headerRows ?? 0] ?? []))
      delete table.keepWithHeaderRows;
    if (table.dontBreakRows && rows.some((row) => !isSmall(row))) table.dontBreakRows = false;
  }
  for (const value of Object.values(node)) guardTables(value);
}

/**
 * The pdfmake definition of the final document: header with organisation and type, page numbers and the
 * version hash in the footer, the details, every section with both columns, the report, the approvals and the
 * audit trail on the last page. Content comes from the approved version, never from the live fields.
 */
export function buildFinalDocument(input: FinalDocumentInput, locale: Locale = 'nl'): TDocumentDefinitions {
  const { conversation } = input;
  const format = formatOf(conversation);
  const version = approvedVersion(conversation, input.version);
  const ctx: Ctx = { locale, names: input.names, conversation };
  const organisation = toPlainText(input.organisation);
  const typeTitle = format.title[locale];
  const employeeName = toPlainText(input.employee.displayName);
  const hash = toPlainText(version.hash);
  const vitality = conversation.type === 'vitaliteit';

  const content: Content[] = [
    { text: typeTitle, style: 'title' },
    { text: `${format.report.title[locale]} · ${label('subtitleFinal', locale)}`, style: 'subtitle' },
  ];
  if (vitality) {
    content.push({
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: label('confidentialVitality', locale),
              bold: true,
              fillColor: colors.band,
              margin: [4, 3, 4, 3],
            },
          ],
        ],
      },
      layout: {
        hLineColor: () => colors.bandLine,
        vLineColor: () => colors.bandLine,
        hLineWidth: () => 0.8,
        vLineWidth: () => 0.8,
      },
      margin: [0, 0, 0, 10],
    });
  }
  content.push(heading(label('details', locale), 'h2'), detailsTable(input, format, version, ctx));

  content.push(
    heading(`A. ${label('preparationPart', locale)}`, 'h1'),
    lead({ text: `${label('preparationIntro', locale)} ${label('omittedNote', locale)}`, style: 'intro' }),
  );
  for (const section of format.preparation)
    content.push(...preparationSection(section, version.content, ctx));
  content.push(...reportPart(format, version.content, ctx));
  content.push(...approvalsPart(conversation, version, ctx));
  content.push(...auditPart(input.audit, ctx));

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins,
    language: locale === 'nl' ? 'nl-NL' : 'en-GB',
    info: {
      title: `${typeTitle} — ${employeeName} — ${label('version', locale).toLowerCase()} ${version.number}`,
      author: organisation,
      subject: label('subtitleFinal', locale),
      creator: organisation,
      producer: 'Gesprekscyclus',
    },
    header: () => ({
      margin: [pageMargins[0], 30, pageMargins[2], 0],
      stack: [
        {
          columns: [
            { text: [{ text: organisation, bold: true }, `  ·  ${typeTitle}`], width: '*' },
            {
              text: vitality ? label('confidential', locale) : '',
              width: 'auto',
              bold: true,
              color: colors.heading,
            },
          ],
          fontSize: 8.5,
          color: colors.muted,
        },
        {
          canvas: [
            {
              type: 'line',
              x1: 0,
              y1: 6,
              x2: 595.28 - pageMargins[0] - pageMargins[2],
              y2: 6,
              lineWidth: 0.5,
              lineColor: colors.line,
            },
          ],
        },
      ],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      margin: [pageMargins[0], 18, pageMargins[2], 0],
      columns: [
        {
          width: '*',
          stack: [
            `${employeeName} · ${typeTitle} · ${label('version', locale).toLowerCase()} ${version.number} · ${label('generatedOn', locale).toLowerCase()} ${formatDateTime(input.generatedAt, locale)}`,
            `SHA-256 ${hash}`,
          ],
        },
        {
          width: 'auto',
          text: label('page', locale, { page: currentPage, pages: pageCount }),
          alignment: 'right',
        },
      ],
      fontSize: 7,
      color: colors.muted,
    }),
    content: guarded(keepLeadsWithNext(content)),
    defaultStyle: { font: documentFont, fontSize: 9.5, lineHeight: 1.25, color: colors.ink },
    styles: {
      title: { fontSize: 22, bold: true, color: colors.heading, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 11, color: colors.muted, margin: [0, 0, 0, 12] },
      h1: { fontSize: 14, bold: true, color: colors.heading, margin: [0, 14, 0, 4] },
      h2: { fontSize: 11.5, bold: true, color: colors.heading, margin: [0, 8, 0, 4] },
      sectionSubtitle: { fontSize: 8, bold: false, color: colors.muted },
      intro: { fontSize: 9, color: colors.muted, margin: [0, 0, 0, 8] },
      question: { bold: true },
      fieldLabel: { bold: true, color: colors.heading },
      caption: { fontSize: 7.5, color: colors.muted, margin: [0, 0, 0, 1] },
      tableHeader: { bold: true, fontSize: 8.5, fillColor: colors.fill, color: colors.heading },
      detailKey: { color: colors.muted },
      hash: { fontSize: 8 },
      muted: { color: colors.muted },
      notAnswered: { color: colors.muted, italics: true },
    },
  };
  // The one place where text becomes printable: NFC, fonts per grapheme, names for what no font has.
  return printableDefinition(definition, locale);
}
