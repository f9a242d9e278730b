import { earlyViewSettled } from "../shared/early";

// The pane's bundle (preloaded by the page, see vite.config.ts) runs once the page's first script has painted the
// case's head, or has nothing to show: its evaluation, a long task, would otherwise hold that head back.
void earlyViewSettled().then(() => import("./start"));
