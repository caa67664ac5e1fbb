import { useId, useState } from "react";
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
});

export interface ChipListEditorProps {
  label: string;
  values: string[];
  addLabel: string;
  t: Messages;
  onAdd(value: string): void;
  onRemove(index: number): void;
}

/** A list value (keywords, countermeasures, references) as chips with a remove button each and an add box. */
export function ChipListEditor({ label, values, addLabel, t, onAdd, onRemove }: ChipListEditorProps) {
  const styles = useStyles();
  const [text, setText] = useState("");
  const inputId = useId();
  const add = () => {
    if (!text.trim()) return;
    onAdd(text);
    setText("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" && !event.ctrlKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      add();
    }
  };
  return (
    <div>
      {values.length > 0 && (
        <TagGroup
          className={styles.tags}
          aria-label={label}
          size="small"
          onDismiss={(_, data) => onRemove(values.indexOf(String(data.value)))}
        >
          {values.map((value, index) => (
            <InteractionTag key={value} value={value} size="small" appearance="brand">
              <InteractionTagPrimary
                hasSecondaryAction
                className={styles.primary}
                title={value}
                // Fluent removes on Delete/Backspace only from the × button; the chip itself should too.
                onKeyDown={(event) => {
                  if (event.key === "Delete" || event.key === "Backspace") {
                    event.preventDefault();
                    onRemove(index);
                  }
                }}
              >
                {value}
              </InteractionTagPrimary>
              <InteractionTagSecondary aria-label={t.removeItem(value)} />
            </InteractionTag>
          ))}
        </TagGroup>
      )}
      <div className={styles.addRow}>
        <Input
          id={inputId}
          className={styles.input}
          size="small"
          value={text}
          placeholder={addLabel}
          aria-label={`${label}: ${addLabel}`}
          onChange={(_, data) => setText(data.value)}
          onKeyDown={onKeyDown}
        />
        <Button size="small" icon={<AddRegular />} aria-label={`${label}: ${t.add}`} onClick={add} disabled={!text.trim()}>
          {t.add}
        </Button>
      </div>
    </div>
  );
}
