/** Asks before a filled cell is overwritten, showing the old and the new value side by side. */
import { useEffect, useRef } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Overwrite } from "../../workbook/faq-writer";
import type { Messages } from "../i18n";

const useStyles = makeStyles({
  item: { display: "grid", gap: "2px", marginTop: tokens.spacingVerticalS },
  value: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    maxHeight: "8em",
    overflowY: "auto",
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  old: { backgroundColor: tokens.colorPaletteRedBackground1 },
  new: { backgroundColor: tokens.colorPaletteGreenBackground1 },
});

/** A batch can overwrite hundreds of cells; the dialog names this many and counts the rest. */
const LISTED = 30;

export function OverwriteDialog(props: {
  t: Messages;
  overwrites: Overwrite[] | null;
  fieldName(overwrite: Overwrite): string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t, overwrites } = props;
  const styles = useStyles();
  const list = overwrites ?? [];
  // One row (the case view): the field names say it all. Several rows (a batch): row and field.
  const batch = new Set(list.map((overwrite) => overwrite.row)).size > 1;
  const cancel = useSafeChoice(overwrites !== null);
  return (
    <Dialog open={overwrites !== null} onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-describedby="overwrite-body">
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent id="overwrite-body">
            <Text>{batch ? t.confirmCount(list.length) : t.confirmBody}</Text>
            {list.slice(0, LISTED).map((overwrite) => (
              <div key={`${overwrite.row}:${overwrite.column}`} className={styles.item} data-testid={`overwrite-${overwrite.role}`}>
                <Text weight="semibold">{batch ? t.overwriteWhere(overwrite.row, props.fieldName(overwrite)) : props.fieldName(overwrite)}</Text>
                <Text size={200}>{t.oldValue}</Text>
                <div className={`${styles.value} ${styles.old}`} data-testid="overwrite-old">
                  {overwrite.oldValue}
                </div>
                <Text size={200}>{t.newValue}</Text>
                <div className={`${styles.value} ${styles.new}`} data-testid="overwrite-new">
                  {overwrite.newValue}
                </div>
              </div>
            ))}
            {list.length > LISTED && <Text className={styles.item}>{t.overwriteMore(list.length - LISTED)}</Text>}
          </DialogContent>
          <DialogActions>
            {/* キャンセル first: the dialog opens on it, so Enter never overwrites by accident. */}
            <Button ref={cancel} appearance="secondary" onClick={props.onCancel} data-testid="dialog-cancel">
              {t.cancel}
            </Button>
            <Button appearance="primary" onClick={props.onConfirm}>
              {t.confirmOverwrite}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * The dialog opens on its safe choice (キャンセル), so Enter never confirms by accident. Fluent focuses
 * the first focusable element itself; this runs after it (a parent's effect follows its children's).
 */
export function useSafeChoice(open: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);
  return ref;
}
