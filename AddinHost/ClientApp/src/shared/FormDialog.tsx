import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { useAction } from "./useAction";
import { ErrorState } from "./states";
import { useLayout } from "./ui";

/** A small form in a dialog: the API's refusal is shown in place and nothing is lost. */
export function FormDialog({ trigger, title, submitLabel, onSubmit, children }: {
  trigger: string; title: string; submitLabel: string; onSubmit: () => Promise<void>; children: ReactNode;
}) {
  const l = useLayout();
  const [open, setOpen] = useState(false);
  const { busy, error, run, clear } = useAction();
  const submit = async () => { if (await run(onSubmit)) setOpen(false); };
  return (
    <Dialog open={open} onOpenChange={(_, d) => { setOpen(d.open); clear(); }}>
      <DialogTrigger disableButtonEnhancement><Button>{trigger}</Button></DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={l.form}>
              {children}
              {error && <ErrorState error={error} title="Non enregistré" />}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement><Button>Annuler</Button></DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? "Enregistrement…" : submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
