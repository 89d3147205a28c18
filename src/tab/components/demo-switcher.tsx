/** The demo identity switcher of local mode, loaded only outside Teams. */
import { Badge, Field, Select, makeStyles } from '@fluentui/react-components';
import type { DemoSession } from '../app-context.js';
import { useI18n } from '../i18n/i18n.js';

const useStyles = makeStyles({
  field: { minWidth: 0, maxWidth: '100%' },
  // Never wider than the 320 px side panel minus the header padding.
  select: { maxWidth: 'calc(100vw - 32px)' },
});

/**
 * The local mode's identity switcher. A module of its own: inside Teams there is no demo, so its code never
 * loads there; locally it comes with the session, before the first render (`demoSwitcherModule`).
 */
export function DemoSwitcher({ demo }: { demo: DemoSession }) {
  const i18n = useI18n();
  const styles = useStyles();
  return (
    <>
      <Badge appearance="filled" color="warning">
        {i18n.t('demo.badge')}
      </Badge>
      <Field
        label={i18n.t('demo.switchUser')}
        hint={i18n.t('demo.explain')}
        size="small"
        className={styles.field}
      >
        <Select
          size="small"
          className={styles.select}
          value={demo.userId}
          data-testid="demo-user"
          onChange={(_event, data) => demo.setUserId(data.value)}
        >
          {demo.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
