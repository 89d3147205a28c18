/**
 * The final document as a pdfmake document definition: what the personnel file (Reflectiegesprek, Het Goede
 * Gesprek) or the confidential place (Vitaliteitsgesprek) keeps. Pure: the same input gives the same definition;
 * rendering to bytes is `PdfRenderer`'s job.
 *
 * It reads as a document people file: who chose what on which version (`signatureSummary`), the log for people
 * (`peopleLog` with the domain's `auditLabel`), names and never ids, event ids or addresses, and the Controlecode
 * once. Content comes from the signed version, never from the live fields.
 *
 * Every piece of user text goes through `toPlainText` into a pdfmake `text` string. pdfmake never interprets
 * markup inside a string, and user values are never spread into nodes, so nothing a person typed can become
 * document structure (an image, a link, a style).
 */
import type { CanvasElement, Content, TableCell } from 'pdfmake/interfaces.js';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  smileyLabels,
  type Agreement,
  type AnswerValue,
  type Goal,
  type GoalReview,
  type Smiley,
} from '../domain/answers.js';
import { auditLabel, decisionLabels, peopleLog, type LogLine } from '../domain/audit.js';
import { filingOf } from '../domain/confidentiality.js';
import { formatOf, type Conversation, type ReportVersion } from '../domain/conversation.js';
import {
  fieldsOf,
  meetingSections,
  type FieldDef,
  type FormatDef,
  type SectionDef,
} from '../domain/formats.js';
import { signatureSummary, type SignatureLine, type SignatureSummary } from '../domain/signing.js';
import type { Locale } from '../domain/text.js';
import type { FinalDocumentInput } from '../ports/documents.js';
import { approvedVersion } from './archive-json.js';
import {
  formatDate,
  formatDateTime,
  formatDateTimeShort,
  formatDayRange,
  formatTime,
  isoDay,
  meetingMoment,
} from './dates.js';
import { courseLabels, label, ownerLabels, partyLabels } from './labels.js';
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

/** A person's name; an id the directory did not know is never printed. */
function nameOf(id: string, ctx: Ctx): string {
  if (id === 'system') return label('system', ctx.locale);
  const name = ctx.names[id];
  return name?.trim() ? toPlainText(name) : label('unknownPerson', ctx.locale);
}

function displayName(name: string, ctx: Ctx): string {
  return name.trim() ? toPlainText(name) : label('unknownPerson', ctx.locale);
}

/** "Sanne Bakker, namens Jeroen de Vries" for a delegate; the name alone otherwise. */
function actorName(actorId: string, onBehalfOf: string | undefined, ctx: Ctx): string {
  const name = nameOf(actorId, ctx);
  return onBehalfOf ? `${name} ${label('onBehalfOf', ctx.locale, { name: nameOf(onBehalfOf, ctx) })}` : name;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A remark quoted in a sentence, with the sentence's full stop only when the remark has none of its own. */
function quoted(text: string): string {
  const plain = toPlainText(text).trim();
  return /[.!?…]$/.test(plain) ? `“${plain}”` : `“${plain}”.`;
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

function hasReview(review: GoalReview | undefined): review is GoalReview {
  return Boolean(review && (review.progress?.trim() || review.course || review.adjustment?.trim()));
}

/** Progress, course and (when adjusting) the adjustment of one goal, as one party wrote them. */
function goalReviewLines(review: GoalReview | undefined, ctx: Ctx): Content {
  if (!hasReview(review)) return notAnswered(ctx);
  const line = (key: 'progress' | 'course' | 'adjustment', value: string | undefined): Content => ({
    text: [
      { text: `${label(key, ctx.locale)}: `, bold: true },
      value ? value : { text: label('notAnswered', ctx.locale), style: 'notAnswered' },
    ],
  });
  const rows: Content[] = [];
  if (review.progress?.trim() || !review.course)
    rows.push(line('progress', review.progress?.trim() && toPlainText(review.progress)));
  rows.push(line('course', review.course && courseLabels[review.course][ctx.locale]));
  if (review.course === 'adjust' || review.adjustment?.trim())
    rows.push(line('adjustment', review.adjustment?.trim() && toPlainText(review.adjustment)));
  return { stack: rows };
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
  ].map((text) => ({ text, style: 'tableHeader' }));
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

/**
 * One question as a small form: the question, the employee's answer, and the manager's addition under it only
 * when he wrote one (Reflectiegesprek and Het Goede Gesprek, where he completes the same format).
 */
function questionBlock(
  question: string,
  employee: Content,
  manager: Content | undefined,
  captions: boolean,
  ctx: Ctx,
): Content {
  const body: TableCell[][] = [
    [{ text: question, style: 'question', fillColor: colors.fill }],
    [(captions ? captioned(label('preparationCaption', ctx.locale), employee) : employee) as TableCell],
  ];
  if (manager) body.push([captioned(label('completionCaption', ctx.locale), manager) as TableCell]);
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, widths: ['*'], body },
    layout: tableLayout,
    margin: [0, 0, 0, 8],
  };
}

function reviewsById(value: AnswerValue | undefined): Map<string, GoalReview> {
  return new Map(asArray<GoalReview>(value).map((r) => [String(r.goalId), r]));
}

/** Each earlier goal with the employee's progress and course, and the manager's note on it when there is one. */
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
    return [
      lead({ text: field.label[ctx.locale], style: 'fieldLabel' }),
      muted(label('noGoals', ctx.locale)),
    ];
  return [
    lead({ text: field.label[ctx.locale], style: 'fieldLabel', margin: [0, 0, 0, 4] }),
    ...ids.map((id) => {
      const title = employee.get(id)?.title ?? manager.get(id)?.title ?? '';
      const note = manager.get(id);
      return questionBlock(
        `${label('goal', ctx.locale)}: ${toPlainText(title)}`,
        goalReviewLines(employee.get(id), ctx),
        hasReview(note) ? goalReviewLines(note, ctx) : undefined,
        true,
        ctx,
      );
    }),
  ];
}

/** The employee's ratings of one floor's statements: one column, hers (the manager never rates them). */
function smileySection(section: SectionDef, content: ReportVersion['content'], ctx: Ctx): Content {
  const rows = section.fields
    .filter((f) => isAnswer(content.preparation[f.id]))
    .map((f): TableCell[] => [{ text: f.label[ctx.locale] }, smileyCell(content.preparation[f.id], ctx)]);
  if (rows.length === 0) return muted(label('sectionEmpty', ctx.locale));
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', 120],
      body: [
        [label('statement', ctx.locale), label('answer', ctx.locale)].map((text) => ({
          text,
          style: 'tableHeader',
        })),
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

/** Whether the manager's answers to the same fields belong next to the employee's (he completes the same format). */
function completesSameFormat(format: FormatDef): boolean {
  return format.meeting === undefined;
}

/** Optional questions nobody answered are left out (the document says so once); required ones always show. */
function shown(field: FieldDef, content: ReportVersion['content'], withCompletion: boolean): boolean {
  if (field.kind === 'goal-review') return true;
  return (
    field.required === true ||
    isAnswer(content.preparation[field.id]) ||
    (withCompletion && isAnswer(content.completion[field.id]))
  );
}

function preparationSection(
  section: SectionDef,
  content: ReportVersion['content'],
  withCompletion: boolean,
  ctx: Ctx,
): Content[] {
  const isSmileySection = section.fields.length > 0 && section.fields.every((f) => f.kind === 'smiley');
  if (isSmileySection) {
    return [
      heading(section.title[ctx.locale], 'h2', { subtitle: label('houseSubtitle', ctx.locale) }),
      smileySection(section, content, ctx),
    ];
  }
  const out: Content[] = [heading(section.title[ctx.locale], 'h2')];
  // A part of the cycle carries its notice (part 1: never used in an assessment); a form's instructions do not.
  if (section.intro && section.fields.some((f) => f.part))
    out.push(lead({ text: section.intro[ctx.locale], style: 'notice' }));
  const fields = section.fields.filter((f) => shown(f, content, withCompletion));
  if (fields.length === 0) {
    out.push({ text: label('sectionEmpty', ctx.locale), style: 'muted', margin: [0, 0, 0, 8] });
    return out;
  }
  for (const field of fields) {
    const employee = content.preparation[field.id];
    const manager = withCompletion ? content.completion[field.id] : undefined;
    if (field.kind === 'goal-review') {
      out.push(...goalReviewField(field, employee, manager, ctx));
      continue;
    }
    out.push(
      questionBlock(
        field.label[ctx.locale],
        answerCell(field, employee, ctx),
        isAnswer(manager) ? answerCell(field, manager, ctx) : undefined,
        withCompletion,
        ctx,
      ),
    );
  }
  return out;
}

function reportAgreements(format: FormatDef, content: ReportVersion['content']): AnswerValue | undefined {
  const field = fieldsOf(format.report.sections).find((f) => f.kind === 'agreements');
  return field ? content.report[field.id] : undefined;
}

/** The manager's notes per topic and the agreements from the meeting (Vitaliteitsgesprek). */
function meetingPart(
  format: FormatDef,
  content: ReportVersion['content'],
  letter: string,
  reportLetter: string,
  ctx: Ctx,
): Content[] {
  const held = ctx.conversation.heldAt;
  const out: Content[] = [
    heading(`${letter}. ${label('meetingPart', ctx.locale)}`, 'h1'),
    lead({
      text: held
        ? label('meetingPartIntro', ctx.locale, { date: formatDate(held, ctx.locale) })
        : label('meetingPartIntroOpen', ctx.locale),
      style: 'intro',
    }),
  ];
  for (const section of meetingSections(format)) {
    out.push(heading(section.title[ctx.locale], 'h2'));
    for (const field of section.fields) {
      const value = content.completion[field.id];
      if (field.kind === 'agreements') {
        const unchanged =
          isAnswer(value) && JSON.stringify(value) === JSON.stringify(reportAgreements(format, content));
        out.push(
          unchanged
            ? {
                text: label('agreementsInReport', ctx.locale, { part: reportLetter }),
                style: 'muted',
                margin: [0, 0, 0, 8],
              }
            : ({ ...(agreementsTable(value, ctx) as object), margin: [0, 0, 0, 8] } as Content),
        );
        continue;
      }
      out.push(
        isAnswer(value)
          ? ({ ...(answerCell(field, value, ctx) as object), margin: [0, 0, 0, 8] } as Content)
          : { text: label('noNotes', ctx.locale), style: 'muted', margin: [0, 0, 0, 8] },
      );
    }
  }
  return out;
}

function reportPart(
  format: FormatDef,
  content: ReportVersion['content'],
  letter: string,
  ctx: Ctx,
): Content[] {
  const out: Content[] = [
    heading(`${letter}. ${format.report.title[ctx.locale]}`, 'h1'),
    lead({
      text: label(format.report.author === 'employee' ? 'reportByEmployee' : 'reportByManager', ctx.locale),
      style: 'intro',
    }),
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

// --- Signatures ---------------------------------------------------------------------------------------------

type Decided = Extract<SignatureLine, { kind: 'decided' }>;
type Offered = Extract<SignatureLine, { kind: 'offered' }>;

/** Who chose what, in the words every surface uses: "Medewerker: voor gezien, met opmerking: “…”." */
function whoChoseWhat(summary: SignatureSummary, ctx: Ctx): string {
  return summary.lines
    .filter((line) => line.kind !== 'offered')
    .map((line) => {
      const party = partyLabels[line.party][ctx.locale];
      if (line.kind === 'pending')
        return `${party}: ${label(summary.outcome === 'pending' ? 'awaitingReaction' : 'noReaction', ctx.locale)}.`;
      const decision = decisionLabels[line.decision][ctx.locale];
      return line.comment
        ? `${party}: ${decision}, ${label('withRemark', ctx.locale)}: ${quoted(line.comment)}`
        : `${party}: ${decision}.`;
    })
    .join(' ');
}

/** The declaration above a version's signatures. */
function signatureStatement(summary: SignatureSummary, ctx: Ctx): string {
  const version = summary.version;
  const offered = summary.lines.find((l): l is Offered => l.kind === 'offered');
  const vitality = ctx.conversation.type === 'vitaliteit';
  if (summary.outcome === 'cosigned' && offered) {
    const signer = summary.lines.find((l): l is Decided => l.kind === 'decided');
    return label('cosignedStatement', ctx.locale, {
      version,
      author: nameOf(offered.actorId, ctx),
      offeredAt: formatDateTime(offered.at, ctx.locale),
      signer: signer ? actorName(signer.actorId, signer.onBehalfOf, ctx) : label('unknownPerson', ctx.locale),
      signedAt: signer ? formatDateTime(signer.at, ctx.locale) : '—',
    });
  }
  const head = {
    agreed: 'isFinal',
    acknowledged: 'isFinal',
    cosigned: 'isFinal',
    returned: 'isReturned',
    superseded: 'isSuperseded',
    pending: 'isPending',
  } as const;
  const parts = [label(head[summary.outcome], ctx.locale, { version })];
  if (vitality && offered)
    parts.push(
      label('offeredStatement', ctx.locale, {
        author: nameOf(offered.actorId, ctx),
        offeredAt: formatDateTime(offered.at, ctx.locale),
      }),
    );
  parts.push(whoChoseWhat(summary, ctx));
  return parts.join(' ');
}

/** Who signed: the role, the name, and for a delegate whom they acted for. */
function signerCell(
  party: SignatureLine['party'],
  actorId: string,
  onBehalfOf: string | undefined,
  ctx: Ctx,
): TableCell {
  return {
    stack: [
      { text: partyLabels[party][ctx.locale], style: 'caption' },
      { text: nameOf(actorId, ctx) },
      ...(onBehalfOf
        ? [{ text: label('onBehalfOf', ctx.locale, { name: nameOf(onBehalfOf, ctx) }), style: 'muted' }]
        : []),
    ],
  };
}

function signatureRow(line: SignatureLine, summary: SignatureSummary, ctx: Ctx): TableCell[] {
  const vitality = ctx.conversation.type === 'vitaliteit';
  if (line.kind === 'offered') {
    return [
      signerCell(line.party, line.actorId, undefined, ctx),
      { text: label(vitality ? 'offeredForCosigning' : 'offeredForSigning', ctx.locale), bold: true },
      { text: formatDateTimeShort(line.at, ctx.locale) },
    ];
  }
  if (line.kind === 'pending') {
    const id = line.party === 'employee' ? ctx.conversation.employeeId : ctx.conversation.managerId;
    return [
      signerCell(line.party, id, undefined, ctx),
      {
        text: capitalize(
          label(summary.outcome === 'pending' ? 'awaitingReaction' : 'noReaction', ctx.locale),
        ),
        style: 'notAnswered',
      },
      { text: '—', style: 'muted' },
    ];
  }
  const reaction =
    vitality && line.decision === 'akkoord'
      ? label('cosigned', ctx.locale)
      : capitalize(decisionLabels[line.decision][ctx.locale]);
  return [
    signerCell(line.party, line.actorId, line.onBehalfOf, ctx),
    {
      stack: [
        {
          text: reaction,
          bold: true,
          color: line.decision === 'niet_akkoord' ? smileyColors.sad : colors.ink,
        },
        // The declaration above quotes every remark, except a co-signature's (it says who signed, not what).
        ...(line.comment && summary.outcome === 'cosigned'
          ? [
              {
                text: `${capitalize(label('withRemark', ctx.locale))}: ${quoted(line.comment)}`,
                style: 'muted',
              },
            ]
          : []),
      ],
    },
    { text: formatDateTimeShort(line.at, ctx.locale) },
  ];
}

/** The signatures of one version: who offered it and each signer's reaction, with names, delegates and times. */
function signatureTable(summary: SignatureSummary, ctx: Ctx): Content {
  const header = [label('who', ctx.locale), label('reaction', ctx.locale), label('dateTime', ctx.locale)].map(
    (text): TableCell => ({ text, style: 'tableHeader' }),
  );
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: [140, '*', 94],
      body: [header, ...summary.lines.map((line) => signatureRow(line, summary, ctx))],
    },
    layout: tableLayout,
    margin: [0, 0, 0, 8],
  };
}

function signaturePart(version: ReportVersion, letter: string, ctx: Ctx): Content[] {
  const { conversation } = ctx;
  const summary = signatureSummary(conversation, version);
  const block: Content[] = [
    heading(`${letter}. ${label('signing', ctx.locale)}`, 'h1'),
    { text: signatureStatement(summary, ctx), style: 'statement' },
    signatureTable(summary, ctx),
    {
      text: [
        `${label('controlCode', ctx.locale, { version: version.number })}: `,
        { text: toPlainText(version.hash), style: 'hash' },
        `. ${label('controlCodeNote', ctx.locale)}`,
      ],
      style: 'controlCode',
    },
  ];
  // The declaration, the signatures and the Controlecode belong together on one page, when they fit on one.
  const out: Content[] = isSmall(block) ? [{ unbreakable: true, stack: block }] : block;
  const earlier = conversation.versions
    .filter((v) => v.number !== version.number)
    .sort((a, b) => a.number - b.number);
  if (earlier.length > 0) {
    out.push(heading(label('history', ctx.locale), 'h2'));
    for (const v of earlier) {
      const older = signatureSummary(conversation, v);
      out.push(
        lead({ text: signatureStatement(older, ctx), style: 'statementSmall' }),
        signatureTable(older, ctx),
      );
    }
  }
  return out;
}

// --- The log for people -------------------------------------------------------------------------------------

/** The delegate's principal on a line of the log, from the decision itself (the log carries no ids). */
function onBehalfOfIn(line: LogLine, ctx: Ctx): string | undefined {
  if (line.version === undefined) return undefined;
  return ctx.conversation.decisions.find((d) => d.version === line.version && d.actorId === line.actorId)
    ?.onBehalfOf;
}

function logWhat(line: LogLine, ctx: Ctx): string {
  const confidential = filingOf(ctx.conversation.type) === 'confidential';
  let text = auditLabel(line.action, ctx.locale, { confidential });
  if (line.decision) text += `: ${decisionLabels[line.decision][ctx.locale]}`;
  if (line.count > 1) {
    const times = label('times', ctx.locale, { count: line.count });
    text += ` (${times}, ${formatDayRange(line.from ?? line.at, line.at, ctx.locale)})`;
  }
  return text;
}

function auditPart(input: FinalDocumentInput, letter: string, ctx: Ctx): Content[] {
  const out: Content[] = [
    { text: `${letter}. ${label('audit', ctx.locale)}`, style: 'h1', pageBreak: 'before' },
    { text: label('auditIntro', ctx.locale), style: 'intro' },
  ];
  const lines = peopleLog(input.audit);
  if (lines.length === 0) return [...out, muted(label('auditEmpty', ctx.locale))];
  out.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [80, 118, '*', 38],
      body: [
        [
          label('dateTime', ctx.locale),
          label('who', ctx.locale),
          label('action', ctx.locale),
          label('version', ctx.locale),
        ].map((text): TableCell => ({ text, style: 'tableHeader' })),
        ...lines.map((line): TableCell[] => [
          { text: formatDateTimeShort(line.from ?? line.at, ctx.locale) },
          { text: actorName(line.actorId, onBehalfOfIn(line, ctx), ctx) },
          { text: logWhat(line, ctx) },
          line.version === undefined ? { text: '' } : { text: String(line.version), alignment: 'center' },
        ]),
      ],
    },
    layout: tableLayout,
    fontSize: 8.5,
  });
  return out;
}

// --- Details ------------------------------------------------------------------------------------------------

/** "1 december 2026, 10:00–11:00 uur": the day the meeting was held, with its planned hours when on that day. */
function meetingText(conversation: Conversation, locale: Locale): string {
  const moment = meetingMoment(conversation);
  if (!moment) return formatDate(conversation.createdAt, locale);
  const schedule = conversation.schedule;
  const day = formatDate(moment, locale);
  if (!schedule || isoDay(schedule.start) !== isoDay(moment)) return day;
  const hours = label('hours', locale);
  return `${day}, ${formatTime(schedule.start)}–${formatTime(schedule.end)}${hours ? ` ${hours}` : ''}`;
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
  const final = signatureSummary(conversation, version).finalAt;
  const employee = input.employee;
  const manager = input.manager;
  const body: TableCell[][] = [
    row('organisation', { text: toPlainText(input.organisation) }),
    row('conversationType', { text: format.title[ctx.locale] }),
    row('employee', { text: displayName(employee.displayName, ctx), bold: true }),
  ];
  if (employee.jobTitle) body.push(row('jobTitle', { text: toPlainText(employee.jobTitle) }));
  if (employee.department) body.push(row('department', { text: toPlainText(employee.department) }));
  body.push(
    row('manager', {
      text: [
        { text: displayName(manager.displayName, ctx), bold: true },
        ...(manager.jobTitle ? [`, ${toPlainText(manager.jobTitle)}`] : []),
      ],
    }),
    row('meetingDate', { text: meetingText(conversation, ctx.locale) }),
    row(
      'finalOn',
      final
        ? { text: formatDateTime(final, ctx.locale) }
        : { text: label('notFinal', ctx.locale), style: 'notAnswered' },
    ),
    row('version', { text: String(version.number) }),
    row('formatVersion', { text: String(conversation.formatVersion) }),
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
 * The pdfmake definition of the final document: header with organisation and type, page numbers in the footer,
 * the details, the preparation (and for a Vitaliteitsgesprek the manager's notes), the report, the signatures
 * with the Controlecode, and the log for people on the last pages. Content comes from the signed version, never
 * from the live fields.
 */
export function buildFinalDocument(input: FinalDocumentInput, locale: Locale = 'nl'): TDocumentDefinitions {
  const { conversation } = input;
  const format = formatOf(conversation);
  const version = approvedVersion(conversation, input.version);
  const ctx: Ctx = { locale, names: input.names, conversation };
  const organisation = toPlainText(input.organisation);
  const typeTitle = format.title[locale];
  const employeeName = displayName(input.employee.displayName, ctx);
  const confidential = filingOf(conversation.type) === 'confidential';
  const filing = label(confidential ? 'filedConfidential' : 'filedPersonnelFile', locale);
  const withCompletion = completesSameFormat(format);
  const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
  const next = () => letters.shift() as string;

  const content: Content[] = [
    { text: typeTitle, style: 'title' },
    { text: `${format.report.title[locale]} · ${filing}`, style: 'subtitle' },
  ];
  if (confidential) {
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

  const preparationLetter = next();
  content.push(
    heading(
      `${preparationLetter}. ${label(withCompletion ? 'preparationPart' : 'employeePart', locale)}`,
      'h1',
    ),
    lead({
      text: withCompletion
        ? `${label('preparationIntro', locale)} ${label('omittedNoteBoth', locale)}`
        : `${label('employeePartIntro', locale)} ${label('omittedNote', locale)}`,
      style: 'intro',
    }),
  );
  for (const section of format.preparation)
    content.push(...preparationSection(section, version.content, withCompletion, ctx));
  if (!withCompletion) {
    const meetingLetter = next();
    const reportLetter = letters[0] as string;
    content.push(...meetingPart(format, version.content, meetingLetter, reportLetter, ctx));
  }
  content.push(...reportPart(format, version.content, next(), ctx));
  content.push(...signaturePart(version, next(), ctx));
  content.push(...auditPart(input, next(), ctx));

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins,
    language: locale === 'nl' ? 'nl-NL' : 'en-GB',
    info: {
      title: `${typeTitle} — ${employeeName} — ${label('version', locale).toLowerCase()} ${version.number}`,
      author: organisation,
      subject: `${format.report.title[locale]} · ${filing}`,
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
              text: confidential ? label('confidential', locale) : '',
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
          text: `${employeeName} · ${typeTitle} · ${label('version', locale).toLowerCase()} ${version.number} · ${label('generatedOn', locale).toLowerCase()} ${formatDateTime(input.generatedAt, locale)}`,
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
      notice: { fontSize: 9, italics: true, color: colors.heading, margin: [0, 0, 0, 6] },
      statement: { fontSize: 10, margin: [0, 0, 0, 8] },
      statementSmall: { fontSize: 9, margin: [0, 4, 0, 4] },
      question: { bold: true },
      fieldLabel: { bold: true, color: colors.heading },
      caption: { fontSize: 7.5, color: colors.muted, margin: [0, 0, 0, 1] },
      tableHeader: { bold: true, fontSize: 8.5, fillColor: colors.fill, color: colors.heading },
      detailKey: { color: colors.muted },
      controlCode: { fontSize: 7, color: colors.muted, margin: [0, 0, 0, 10] },
      hash: { fontSize: 7 },
      muted: { color: colors.muted },
      notAnswered: { color: colors.muted, italics: true },
    },
  };
  // The one place where text becomes printable: NFC, fonts per grapheme, names for what no font has.
  return printableDefinition(definition, locale);
}
