/** When no header is recognised: let the editor say which column holds what; saved in the workbook. */
import { useMemo, useState } from "react";
import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FAQ_ROLES, INPUT_ROLES } from "../../engine/types";
import type { ColumnMap, ColumnRole, SheetGrid } from "../../engine";
import { columnLetter } from "../../workbook/port";
import type { Messages } from "../i18n";
import { columnSamples } from "../state/pane-model";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: 0, width: "100%" },
});

const ROLES: ColumnRole[] = [...INPUT_ROLES, ...FAQ_ROLES];

export function ColumnMappingForm(props: {
  t: Messages;
  grid: SheetGrid;
  initial: ColumnMap | null;
  headerNames: Record<ColumnRole, string>;
  onSave(mapping: ColumnMap): void;
}) {
  const { t, grid, headerNames } = props;
  const styles = useStyles();
  const samples = useMemo(() => columnSamples(grid), [grid]);
  const [mapping, setMapping] = useState<ColumnMap>(props.initial ?? {});
  const [error, setError] = useState<string | null>(null);
  const label = (column: number | undefined) => {
    if (!column) return t.mappingNone;
    const sample = samples.find((s) => s.column === column);
    return t.mappingColumnOption(columnLetter(column), sample?.text ?? "");
  };
  const save = () => {
    if (!mapping.content) {
      setError(t.mappingNeedsContent);
      return;
    }
    setError(null);
    props.onSave(mapping);
  };
  return (
    <form
      className={styles.form}
      aria-label={t.mappingTitle}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Text weight="semibold">{t.mappingTitle}</Text>
      <Text size={200}>{t.mappingIntro}</Text>
      {ROLES.map((role) => (
        <Field key={role} label={headerNames[role]} validationMessage={role === "content" ? error : undefined}>
          <Dropdown
            className={styles.dropdown}
            size="small"
            aria-label={headerNames[role]}
            value={label(mapping[role])}
            selectedOptions={mapping[role] ? [String(mapping[role])] : [""]}
            onOptionSelect={(_, data) => {
              const column = Number(data.optionValue);
              setMapping((m) => {
                const next = { ...m };
                if (column > 0) next[role] = column;
                else delete next[role];
                return next;
              });
            }}
          >
            <Option value="">{t.mappingNone}</Option>
            {samples.map((sample) => (
              <Option key={sample.column} value={String(sample.column)} text={label(sample.column)}>
                {label(sample.column)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ))}
      <Button type="submit" appearance="primary">
        {t.mappingSave}
      </Button>
    </form>
  );
}
