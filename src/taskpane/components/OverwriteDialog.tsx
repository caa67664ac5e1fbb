/** Asks before a filled cell is overwritten, showing the old and the new value side by side. */
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

export function OverwriteDialog(props: {
  t: Messages;
  overwrites: Overwrite[] | null;
  fieldName(overwrite: Overwrite): string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t, overwrites } = props;
  const styles = useStyles();
  return (
    <Dialog open={overwrites !== null} onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-describedby="overwrite-body">
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent id="overwrite-body">
            <Text>{t.confirmBody}</Text>
            {(overwrites ?? []).map((overwrite) => (
              <div key={overwrite.column} className={styles.item} data-testid={`overwrite-${overwrite.role}`}>
                <Text weight="semibold">{props.fieldName(overwrite)}</Text>
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
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {t.confirmOverwrite}
            </Button>
            <Button appearance="secondary" onClick={props.onCancel}>
              {t.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
