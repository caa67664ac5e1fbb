/**
 * A list value (keywords, countermeasures, references) as chips and an add box. Enter on a chip (or a
 * click) edits it in place; Delete/Backspace or its × removes it and focus moves to the next chip (the
 * previous one at the end, the add box when none is left). The add box's text lives in the pane's
 * state, so text typed but not yet added is written with the rest rather than silently left out.
 */
import { useLayoutEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import {
  Button,
  Input,
  InteractionTag,
  InteractionTagPrimary,
  InteractionTagSecondary,
  TagGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import type { Messages } from "../i18n";

const useStyles = makeStyles({
  tags: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  addRow: { display: "flex", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  input: { flexGrow: 1, minWidth: 0 },
  primary: { maxWidth: "240px", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  editor: { minWidth: "8em", maxWidth: "100%" },
  // Windows high-contrast themes draw no backgrounds: a border keeps each chip a visible shape.
  tag: { "@media (forced-colors: active)": { outline: "1px solid ButtonText" } },
});

export interface ChipListEditorProps {
  label: string;
  values: string[];
  addLabel: string;
  t: Messages;
  /** Text typed in the add box and not added yet. */
  pendingText: string;
  onPendingChange(text: string): void;
  onAdd(value: string): void;
  onRemove(index: number): void;
  /** A chip edited in place (an empty text removes it). */
  onReplace(index: number, value: string): void;
}

const composing = (event: KeyboardEvent) => event.nativeEvent.isComposing || event.keyCode === 229;

export function ChipListEditor({ label, values, addLabel, t, pendingText, onPendingChange, onAdd, onRemove, onReplace }: ChipListEditorProps) {
  const styles = useStyles();
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
  const chips = useRef<(HTMLButtonElement | null)[]>([]);
  const addBox = useRef<HTMLInputElement>(null);
  /** The chip index to focus once the list has re-rendered (after a removal or an edit). */
  const focusChip = useRef<number | null>(null);

  useLayoutEffect(() => {
    const index = focusChip.current;
    if (index === null || editing) return;
    focusChip.current = null;
    const target = values.length > 0 ? chips.current[Math.min(index, values.length - 1)] : null;
    (target ?? addBox.current)?.focus();
  }, [values, editing]);

  const remove = (index: number) => {
    if (index < 0) return;
    focusChip.current = index;
    onRemove(index);
  };
  const add = () => {
    if (!pendingText.trim()) return;
    onAdd(pendingText);
    onPendingChange("");
    // 追加 disables itself once the box is empty: the box is where the next item is typed.
    addBox.current?.focus();
  };
  const finishEdit = (commit: boolean) => {
    if (!editing) return;
    focusChip.current = editing.index;
    if (commit && editing.text.trim() !== values[editing.index]) onReplace(editing.index, editing.text);
    setEditing(null);
  };

  return (
    <div>
      {values.length > 0 && (
        <TagGroup className={styles.tags} aria-label={label} size="small" onDismiss={(_, data) => remove(values.indexOf(String(data.value)))}>
          {values.map((value, index) =>
            editing?.index === index ? (
              <Input
                key={`edit-${value}`}
                className={styles.editor}
                size="small"
                autoFocus
                value={editing.text}
                aria-label={t.editItem(value)}
                onChange={(_, data) => setEditing({ index, text: data.value })}
                onBlur={() => finishEdit(true)}
                onKeyDown={(event) => {
                  if (composing(event)) return;
                  if (event.key === "Enter") {
                    event.preventDefault();
                    finishEdit(true);
                  } else if (event.key === "Escape") {
                    event.preventDefault();
                    event.stopPropagation();
                    finishEdit(false);
                  }
                }}
              />
            ) : (
              <InteractionTag key={value} value={value} size="small" appearance="brand" className={styles.tag}>
                <InteractionTagPrimary
                  ref={(element: HTMLButtonElement | null) => {
                    chips.current[index] = element;
                  }}
                  hasSecondaryAction
                  className={styles.primary}
                  title={t.editItemTitle(value)}
                  onClick={() => setEditing({ index, text: value })}
                  // Fluent removes on Delete/Backspace only from the × button; the chip itself should too.
                  onKeyDown={(event) => {
                    if (event.key === "Delete" || event.key === "Backspace") {
                      event.preventDefault();
                      remove(index);
                    } else if (event.key === "F2") {
                      event.preventDefault();
                      setEditing({ index, text: value });
                    }
                  }}
                >
                  {value}
                </InteractionTagPrimary>
                <InteractionTagSecondary aria-label={t.removeItem(value)} />
              </InteractionTag>
            ),
          )}
        </TagGroup>
      )}
      <div className={styles.addRow}>
        <Input
          input={{ ref: addBox }}
          className={styles.input}
          size="small"
          value={pendingText}
          placeholder={addLabel}
          aria-label={`${label}: ${addLabel}`}
          onChange={(_, data) => onPendingChange(data.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.ctrlKey && !event.altKey && !composing(event)) {
              event.preventDefault();
              add();
            }
          }}
        />
        <Button size="small" icon={<AddRegular />} aria-label={`${label}: ${t.add}`} onClick={add} disabled={!pendingText.trim()}>
          {t.add}
        </Button>
      </div>
    </div>
  );
}
