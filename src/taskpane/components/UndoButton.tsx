/** 元に戻す: takes the pane's last write back (a single row or a whole batch), in every view's footer. */
import { Button, Tooltip } from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import type { Messages } from "../i18n";

export function UndoButton({ t, canUndo, onUndo }: { t: Messages; canUndo: boolean; onUndo: () => void }) {
  return (
    <Tooltip content={t.undoHint} relationship="description">
      <Button icon={<ArrowUndoRegular />} disabled={!canUndo} onClick={onUndo}>
        {t.undo}
      </Button>
    </Tooltip>
  );
}
