/** FAQ を書き出す: the page's summary, the privacy gate's notes row by row, and the ways to get the page out. */
import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowSyncRegular, CopyRegular, TableRegular } from "@fluentui/react-icons";
import type { Messages } from "../i18n";
import type { ExportState, PaneActions } from "../state/pane-controller";
import { Hint } from "./Hint";
import { useSafeChoice } from "./OverwriteDialog";
import { RowLink } from "./RowLink";

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalXS },
  note: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "baseline", minWidth: 0 },
  noteText: { overflowWrap: "anywhere", minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function ExportPanel({ t, state, actions }: { t: Messages; state: ExportState; actions: PaneActions }) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-label={t.views.export} data-testid="export">
      <Caption1 className={styles.hint}>{t.exportIntro}</Caption1>
      {state.phase === "building" && <Spinner size="tiny" label={state.detector === "waiting" ? t.exportWaitingForDictionary : t.exportBuilding} />}
      {state.detector === "weaker" && state.phase === "ready" && (
        <MessageBar intent="warning" layout="multiline" data-testid="export-weaker">
          <MessageBarBody>{t.exportWeakerDetector}</MessageBarBody>
        </MessageBar>
      )}
      {state.stale && state.phase === "ready" && (
        <MessageBar intent="info">
          <MessageBarBody>{t.exportStale}</MessageBarBody>
        </MessageBar>
      )}
      {state.summary && (
        <Text role="status" data-testid="export-summary">
          {t.exportSummary(state.summary.entries, state.summary.rowsPublished, state.summary.rowsWithoutAnswer, state.summary.rowsOmitted)}
        </Text>
      )}
      <Checkbox
        checked={state.privateData === "omit"}
        label={t.exportOmit}
        onChange={(_, data) => actions.export.setPrivateData(data.checked === true ? "omit" : "mask")}
      />
      {!state.canDownload && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.exportNoDownloadHere}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={actions.export.build} disabled={state.phase === "building"}>
          {t.exportRebuild}
        </Button>
      </div>
      <h2 className={styles.heading}>{t.exportNotesTitle}</h2>
      {state.phase === "ready" && state.notes.length === 0 ? (
        <Caption1>{t.exportNoNotes}</Caption1>
      ) : (
        <ul className={styles.list} data-testid="export-notes">
          {state.notes.map((note, index) => (
            <li key={`${note.rowNumber}:${note.role}:${index}`} className={styles.note}>
              <RowLink label={t.selectRow(note.rowNumber)} onSelect={() => actions.selectRow(note.rowNumber)}>
                {t.rowLabel(note.rowNumber)}
              </RowLink>
              {note.caseNumber && <Caption1>{`${t.caseNumber} ${note.caseNumber}`}</Caption1>}
              <Caption1 className={styles.noteText}>{note.text}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <Caption1 className={styles.hint}>{t.exportCopyHint}</Caption1>
      <Caption1 className={styles.hint}>{t.exportSheetHint}</Caption1>
    </section>
  );
}

export function ExportActions({ t, state, actions, busy }: { t: Messages; state: ExportState; actions: PaneActions; busy: boolean }) {
  const ready = state.phase === "ready";
  return (
    <>
      {state.canDownload && (
        <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={!ready} onClick={actions.export.download}>
          {t.exportDownload}
        </Button>
      )}
      <Button appearance={state.canDownload ? "secondary" : "primary"} icon={<CopyRegular />} disabled={!ready} onClick={actions.export.copy}>
        {t.exportCopy}
      </Button>
      <Hint content={t.exportSheetHint} disabled={!ready || busy || state.sheet.phase === "writing" || state.detector !== "full"}>
        <Button icon={<TableRegular />} disabled={!ready || busy || state.sheet.phase === "writing" || state.detector !== "full"} onClick={actions.export.writeSheet}>
          {t.exportSheet}
        </Button>
      </Hint>
    </>
  );
}

/** Asks before the add-in's earlier FAQ sheet is replaced. */
export function ReplaceSheetDialog({ t, sheetName, onConfirm, onCancel }: { t: Messages; sheetName: string | null; onConfirm(): void; onCancel(): void }) {
  const cancel = useSafeChoice(sheetName !== null);
  return (
    <Dialog open={sheetName !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="replace-sheet-body">
        <DialogBody>
          <DialogTitle>{t.exportReplaceTitle}</DialogTitle>
          <DialogContent id="replace-sheet-body">{sheetName && t.exportReplaceBody(sheetName)}</DialogContent>
          <DialogActions>
            {/* キャンセル first: the dialog opens on it. */}
            <Button ref={cancel} appearance="secondary" onClick={onCancel}>
              {t.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              {t.exportReplace}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
