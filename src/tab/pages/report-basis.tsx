/** The signed report with its agreements: what the POP and the self-evaluation build on. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { fieldsOf } from '../../domain/formats.js';
import type { ConversationView } from '../api/types.js';
import { AnswerView } from '../components/answer-fields.js';
import { useI18n } from '../i18n/i18n.js';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  label: { fontWeight: tokens.fontWeightSemibold },
});

/** The approved report with its agreements: what the POP and the self-evaluation build on. */
export function ReportBasis({ view, extra }: { view: ConversationView; extra?: ReactNode }) {
  const i18n = useI18n();
  const styles = useStyles();
  const c = view.conversation;
  const report = c.versions.at(-1)?.content.report ?? c.report;
  return (
    <section className={styles.box} aria-labelledby="basis-title">
      <h3 id="basis-title" className={styles.heading}>
        {i18n.t('pop.basis')}
      </h3>
      {fieldsOf(view.format.report.sections).map((field) => (
        <div key={field.id}>
          <Text className={styles.label} block>
            {i18n.text(field.label)}
          </Text>
          <AnswerView field={field} value={report[field.id]} />
        </div>
      ))}
      {extra}
    </section>
  );
}
