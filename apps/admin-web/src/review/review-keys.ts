/** What a key press means on the review queue. */
export type ReviewCommand = 'next' | 'previous' | 'approve' | 'reject' | 'merge' | 'undo';

export const REVIEW_SHORTCUTS: ReadonlyArray<{ key: string; command: ReviewCommand; label: string }> = [
  { key: 'j', command: 'next', label: 'next' },
  { key: 'k', command: 'previous', label: 'previous' },
  { key: 'a', command: 'approve', label: 'approve' },
  { key: 'r', command: 'reject', label: 'reject' },
  { key: 'm', command: 'merge', label: 'merge into…' },
  { key: 'u', command: 'undo', label: 'undo last' },
];

/**
 * The command for a key press, or null. Presses with a modifier (browser shortcuts) and presses while typing
 * in a field (the merge target, a search box) are never commands.
 */
export function reviewCommand(press: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  inTextField: boolean;
}): ReviewCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.inTextField) return null;
  return REVIEW_SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.command ?? null;
}

/** The selected row after moving by `delta`, kept inside the list; -1 for an empty list. */
export function moveSelection(index: number, delta: number, length: number): number {
  if (length === 0) return -1;
  return Math.min(length - 1, Math.max(0, index + delta));
}

/** After the list refreshed, select the same item if it is still there, else the row at the old position. */
export function reselect(previousId: number | null, previousIndex: number, ids: readonly number[]): number {
  const kept = previousId === null ? -1 : ids.indexOf(previousId);
  return kept >= 0 ? kept : moveSelection(previousIndex, 0, ids.length);
}
