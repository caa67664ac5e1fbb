/** A row number that selects its row in the sheet: underlined (not told by colour alone) and a 24 px target. */
import { Link, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  link: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    minWidth: "24px",
    minHeight: "24px",
    flexShrink: 0,
    textDecorationLine: "underline",
    "@media (forced-colors: active)": { color: "LinkText", textDecorationLine: "underline" },
  },
});

export function RowLink({ label, onSelect, className, children }: { label: string; onSelect(): void; className?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Link as="button" className={mergeClasses(styles.link, className)} aria-label={label} onClick={onSelect}>
      {children}
    </Link>
  );
}
