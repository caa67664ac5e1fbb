/** A view's first run (ranking, checking) before it has anything to show: a bar with its count in words. */
import { Field, ProgressBar } from "@fluentui/react-components";

export function RunProgress({ label, progress }: { label: string; progress: { done: number; total: number } | null }) {
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={progress && progress.total ? progress.done / progress.total : undefined} aria-label={label} />
    </Field>
  );
}
