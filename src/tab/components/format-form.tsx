/** A type's format as a form: its sections and fields, painted in two steps for a fast first view. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FieldDef, SectionDef } from '../../domain/formats.js';
import { notApplicable } from '../../domain/required.js';
import { useI18n } from '../i18n/i18n.js';
import { FieldEditor } from './answer-fields.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
    overflowWrap: 'anywhere',
    // The 320 px side panel: a heading is a line, not a poster.
    '@media (max-width: 480px)': { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  },
  intro: { color: tokens.colorNeutralForeground2 },
});

export interface FormatFormProps {
  sections: readonly SectionDef[];
  values: Record<string, unknown>;
  onEdit(fieldId: string, value: unknown): void;
  disabled?: boolean;
  /** Replaces the editor of a field, e.g. to show the employee's answer beside the manager's. */
  renderField?: (field: FieldDef, editor: ReactNode, problem: string | undefined) => ReactNode;
  /** The mark per field id after a submit that could not go (see FormProblems). */
  problems?: Record<string, string> | undefined;
  /** Content before the sections (e.g. the list of what is missing), shown with the first paint. */
  before?: ReactNode;
  /** What follows the form (its buttons), shown once all of its fields are there: never halfway through it. */
  after?: ReactNode;
}

/**
 * How many fields the first paint shows: about a screen's worth at desktop width (a text field and three
 * statements below the page's header), more than fills the 320 px side panel.
 */
const firstFields = 4;

/** The sections with their fields cut off after `budget` fields in all; sections left empty are dropped. */
function firstPart(sections: readonly SectionDef[], budget: number): SectionDef[] {
  const part: SectionDef[] = [];
  let left = budget;
  for (const section of sections) {
    if (left <= 0) break;
    part.push(
      section.fields.length <= left ? section : { ...section, fields: section.fields.slice(0, left) },
    );
    left -= section.fields.length;
  }
  return part;
}

/** Runs `task` after the browser has painted the current frame (at once where there are no frames). */
function afterPaint(task: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const id = setTimeout(task, 0);
    return () => clearTimeout(id);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  // rAF runs just before the paint; the timeout after it lands once the frame is on screen.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

interface FormFieldProps {
  field: FieldDef;
  value: unknown;
  onEdit(fieldId: string, value: unknown): void;
  disabled: boolean | undefined;
  renderField: FormatFormProps['renderField'];
  problem: string | undefined;
  notApplicable: string | undefined;
}

/** One field; memoised so typing in one field does not re-render the other 30-odd (21 smiley groups alone). */
const FormField = memo(function FormField({
  field,
  value,
  onEdit,
  disabled,
  renderField,
  problem,
  notApplicable: na,
}: FormFieldProps) {
  const handleChange = useCallback((next: unknown) => onEdit(field.id, next), [onEdit, field.id]);
  const editor = (
    <FieldEditor
      field={field}
      value={value}
      disabled={disabled}
      onChange={handleChange}
      problem={problem}
      notApplicable={na}
    />
  );
  // The anchor the list of missing fields moves focus to.
  return (
    <div id={`field-wrap-${field.id}`} tabIndex={-1}>
      {renderField ? renderField(field, editor, problem) : editor}
    </div>
  );
});

/**
 * Renders the sections of a format as editable fields, in the format's order. The first screen's fields paint
 * at once; the rest are appended right after the first paint, so the page is usable sooner. They are appended in
 * place (keyboard order stays the format's order), and answers live in the autosave, never in these components.
 */
export function FormatForm({
  sections,
  values,
  onEdit,
  disabled,
  renderField,
  after,
  problems,
  before,
}: FormatFormProps) {
  const i18n = useI18n();
  const styles = useStyles();
  const total = sections.reduce((sum, section) => sum + section.fields.length, 0);
  const [all, setAll] = useState(total <= firstFields);
  useEffect(() => {
    if (all) return;
    return afterPaint(() => setAll(true));
  }, [all]);
  const shown = useMemo(() => (all ? sections : firstPart(sections, firstFields)), [all, sections]);
  return (
    <>
      <div className={styles.form}>
        {before}
        {shown.map((section) => (
          <section key={section.id} aria-labelledby={`section-${section.id}`} className={styles.section}>
            <h2 id={`section-${section.id}`} className={styles.heading}>
              {i18n.text(section.title)}
            </h2>
            {section.intro ? <Text className={styles.intro}>{i18n.text(section.intro)}</Text> : null}
            {section.fields.map((field) => (
              <FormField
                key={field.id}
                field={field}
                value={values[field.id]}
                onEdit={onEdit}
                disabled={disabled}
                renderField={renderField}
                problem={problems?.[field.id]}
                // The outcome of a Reflectiegesprek: each item filled, or explicitly "niet van toepassing".
                notApplicable={
                  section.notEmpty && field.kind === 'text' ? i18n.text(notApplicable) : undefined
                }
              />
            ))}
          </section>
        ))}
      </div>
      {all ? after : null}
    </>
  );
}
