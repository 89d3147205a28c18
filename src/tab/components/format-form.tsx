import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { FieldDef, SectionDef } from '../../domain/formats.js';
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
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  intro: { color: tokens.colorNeutralForeground2 },
});

export interface FormatFormProps {
  sections: readonly SectionDef[];
  values: Record<string, unknown>;
  onEdit(fieldId: string, value: unknown): void;
  disabled?: boolean;
  /** Replaces the editor of a field, e.g. to show the employee's answer beside the manager's. */
  renderField?: (field: FieldDef, editor: ReactNode) => ReactNode;
}

/** Renders the sections of a format as editable fields, in the format's order. */
export function FormatForm({ sections, values, onEdit, disabled, renderField }: FormatFormProps) {
  const i18n = useI18n();
  const styles = useStyles();
  // The first sections paint at once so the form is usable quickly; the rest follow right after.
  const [shown, setShown] = useState(Math.min(2, sections.length));
  useEffect(() => {
    if (shown >= sections.length) return;
    const id = setTimeout(() => setShown(sections.length), 0);
    return () => clearTimeout(id);
  }, [shown, sections.length]);
  return (
    <div className={styles.form}>
      {sections.slice(0, shown).map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className={styles.section}>
          <h2 id={`section-${section.id}`} className={styles.heading}>
            {i18n.text(section.title)}
          </h2>
          {section.intro ? <Text className={styles.intro}>{i18n.text(section.intro)}</Text> : null}
          {section.fields.map((field) => {
            const editor = (
              <FieldEditor field={field} value={values[field.id]} disabled={disabled} onChange={(value) => onEdit(field.id, value)} />
            );
            return <div key={field.id}>{renderField ? renderField(field, editor) : editor}</div>;
          })}
        </section>
      ))}
    </div>
  );
}
