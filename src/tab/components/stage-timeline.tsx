/** Where a conversation stands, as a timeline of its stages. */
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Filing } from '../../domain/confidentiality.js';
import type { Stage } from '../../domain/conversation.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';

const flow: readonly Stage[] = [
  'planned',
  'preparing',
  'prepared',
  'held',
  'awaiting_approval',
  'approved',
  'archived',
];

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  step: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  dot: {
    width: '10px',
    height: '10px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    flexShrink: 0,
  },
  done: { backgroundColor: tokens.colorNeutralForeground2 },
  current: {
    backgroundColor: tokens.colorBrandForeground1,
    borderTopColor: tokens.colorBrandForeground1,
    borderRightColor: tokens.colorBrandForeground1,
    borderBottomColor: tokens.colorBrandForeground1,
    borderLeftColor: tokens.colorBrandForeground1,
  },
  currentText: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** The words for a stage: the last one says where the signed document is kept. */
export function stageKey(stage: Stage, filing?: Filing): MessageKey {
  return stage === 'archived' && filing === 'confidential' ? 'stage.archived.confidential' : `stage.${stage}`;
}

/**
 * Where a conversation stands: every stage in order, the current one marked (also for screen readers). The last
 * stage is "Opgenomen in personeelsdossier", or for the Vitaliteitsgesprek "Vertrouwelijk bewaard".
 */
export function StageTimeline({
  stage,
  requested,
  filing,
}: {
  stage: Stage;
  requested?: boolean;
  /** Where the signed document is kept: every caller says so, so a vitality conversation never reads "personeelsdossier". */
  filing: Filing;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  if (stage === 'cancelled') return <Text>{i18n.t('stage.cancelled')}</Text>;
  const steps: Stage[] = requested || stage === 'requested' ? ['requested', ...flow] : [...flow];
  const currentIndex = steps.indexOf(stage);
  return (
    <ol className={styles.list} aria-label={i18n.t('timeline.label')}>
      {steps.map((step, index) => {
        const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
        return (
          <li key={step} className={styles.step} aria-current={state === 'current' ? 'step' : undefined}>
            <span
              aria-hidden="true"
              className={mergeClasses(
                styles.dot,
                state === 'done' && styles.done,
                state === 'current' && styles.current,
              )}
            />
            <span className={state === 'current' ? styles.currentText : undefined}>
              {i18n.t(stageKey(step, filing))}
            </span>
            <span className={styles.hidden}>({i18n.t(`timeline.${state}`)})</span>
          </li>
        );
      })}
    </ol>
  );
}
