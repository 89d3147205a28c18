import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportVersion } from '../../domain/conversation.js';
import { fieldsOf, type FormatDef } from '../../domain/formats.js';
import { useI18n } from '../i18n/i18n.js';
import { AnswerView } from './answer-fields.js';

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold },
  hash: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
});

/** The report of one locked version, read-only, with the hash both parties approve. */
export function VersionReport({ format, version }: { format: FormatDef; version: ReportVersion }) {
  const i18n = useI18n();
  const styles = useStyles();
  return (
    <>
      {fieldsOf(format.report.sections).map((field) => (
        <div key={field.id}>
          <Text className={styles.label} block>
            {i18n.text(field.label)}
          </Text>
          <AnswerView field={field} value={version.content.report[field.id]} />
        </div>
      ))}
      <Text className={styles.hash}>
        {i18n.t('approve.hash')}: {version.hash}
      </Text>
    </>
  );
}
