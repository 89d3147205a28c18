/** The page's one heading, which also names the document for history and screen readers. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';

const useStyles = makeStyles({
  title: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
});

/** The page's one h1; also sets the document title so history and screen readers name the page. */
export function PageTitle({
  children,
  text,
  className,
}: {
  children?: ReactNode;
  text: string;
  /** E.g. the smaller title of the meeting side panel. */
  className?: string;
}) {
  const styles = useStyles();
  useEffect(() => {
    document.title = text;
  }, [text]);
  return <h1 className={mergeClasses(styles.title, className)}>{children ?? text}</h1>;
}
