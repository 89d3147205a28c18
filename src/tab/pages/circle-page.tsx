/** What the POP and self-evaluation pages share: their head over the signed report, an item list, a status choice. */
import { Select, Text, makeStyles, tokens, type SelectProps } from '@fluentui/react-components';
import type { ConversationView, PopStatus } from '../api/types.js';
import type { Autosave } from '../autosave/use-autosave.js';
import { InlineSaveStatus } from '../components/circle-form.js';
import { popStatusOptions } from '../components/previous-conversation.js';
import { useI18n } from '../i18n/i18n.js';
import { useFormStyles } from './prepare-page.js';
import { ReportBasis } from './report-basis.js';

/** The numbered list of items, each a card of its own, as both pages lay them out. */
export const useCircleStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  itemTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/**
 * The page's title and what it is for, the signed report it builds on, and — for the employee who may edit it —
 * the save status, which stays in view while the page scrolls.
 */
export function CirclePageHead({
  title,
  intro,
  view,
  autosave,
  editable,
}: {
  title: string;
  intro: string;
  view: ConversationView;
  autosave: Autosave;
  editable: boolean;
}) {
  const formStyles = useFormStyles();
  return (
    <>
      <h2 className={formStyles.heading}>{title}</h2>
      <Text>{intro}</Text>
      <ReportBasis view={view} />
      {editable ? <InlineSaveStatus autosave={autosave} sticky /> : null}
    </>
  );
}

/** Where a POP item stands, chosen from the domain's own list. */
export function PopStatusSelect({
  value,
  onStatus,
  ...rest
}: Omit<SelectProps, 'value' | 'onChange'> & { value: PopStatus; onStatus(status: PopStatus): void }) {
  const i18n = useI18n();
  return (
    <Select {...rest} value={value} onChange={(_e, d) => onStatus(d.value as PopStatus)}>
      {popStatusOptions.map((status) => (
        <option key={status} value={status}>
          {i18n.t(`pop.status.${status}`)}
        </option>
      ))}
    </Select>
  );
}
