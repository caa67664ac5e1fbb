/**
 * A tooltip that describes a button (its shortcut, what it writes) and gets out of the way: hidden
 * while a dialog is open (a visible tooltip takes the first Esc for itself) and once its button is
 * disabled (it would otherwise stay stuck over the notice that the button's action produced).
 */
import { createContext, useContext, useState } from "react";
import type { ReactElement } from "react";
import { Tooltip } from "@fluentui/react-components";

/** True while one of the pane's dialogs is open. */
export const DialogOpenContext = createContext(false);

export function Hint({ content, disabled = false, children }: { content: string; disabled?: boolean; children: ReactElement }) {
  const dialogOpen = useContext(DialogOpenContext);
  const [visible, setVisible] = useState(false);
  return (
    <Tooltip content={content} relationship="description" visible={visible && !disabled && !dialogOpen} onVisibleChange={(_, data) => setVisible(data.visible)}>
      {children}
    </Tooltip>
  );
}
