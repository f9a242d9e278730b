// Named moments of a pane's opening (User Timing marks "od:<name>"), read by the panes benchmark; the first of each
// name counts, later ones (a reload, another message) are ignored.

export function mark(name: string) {
  const full = `od:${name}`;
  if (typeof performance === "undefined" || performance.getEntriesByName(full, "mark").length > 0) return;
  performance.mark(full);
}
