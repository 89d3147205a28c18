/** One offered version's report as signed, with its Controlecode on request. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ReportVersion } from '../../domain/conversation.js';
import { fieldsOf, type FormatDef } from '../../domain/formats.js';
import { useI18n } from '../i18n/i18n.js';
import { AnswerView } from './answer-fields.js';

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold },
  code: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  hash: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
  help: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * The Controlecode of a version, hidden until someone asks for it: people sign the text, not the code, and a
 * long hexadecimal string in the middle of a document only raises questions.
 */
export function ControlCode({ hash }: { hash: string }) {
  const i18n = useI18n();
  const styles = useStyles();
  const [shown, setShown] = useState(false);
  const regionId = useId();
  return (
    <div className={styles.code}>
      <Button
        appearance="transparent"
        size="small"
        aria-expanded={shown}
        aria-controls={regionId}
        onClick={() => setShown((s) => !s)}
      >
        {i18n.t('approve.showHash')}
      </Button>
      <div id={regionId} hidden={!shown}>
        {shown ? (
          <>
            <Text className={styles.hash} block>
              {i18n.t('approve.hash')}: {hash}
            </Text>
            <Text className={styles.help} block>
              {i18n.t('approve.hashHelp')}
            </Text>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** The report of one locked version, read-only, with its Controlecode on request. */
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
      <ControlCode hash={version.hash} />
    </>
  );
}
