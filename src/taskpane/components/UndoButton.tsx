/** 元に戻す: takes the pane's last write back (a single row or a whole batch), in every view's footer. */
import { Button } from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import type { Messages } from "../i18n";
import { Hint } from "./Hint";

export function UndoButton({ t, canUndo, onUndo }: { t: Messages; canUndo: boolean; onUndo: () => void }) {
  return (
    <Hint content={t.undoHint} disabled={!canUndo}>
      <Button icon={<ArrowUndoRegular />} disabled={!canUndo} onClick={onUndo}>
        {t.undo}
      </Button>
    </Hint>
  );
}
