/** The supervisor's collector filter on the queue: one collector's cases, within what the caller may see. */

/**
 * `scope` is the caller's visible assignees (null: everyone, for an admin). With a collector named,
 * only that collector's cases remain, and none when the caller may not see that collector's work.
 */
export function narrowToCollector(scope: string[] | null, assigneeId: string | undefined): string[] | null {
  if (assigneeId === undefined) return scope;
  if (scope === null) return [assigneeId];
  return scope.filter((id) => id === assigneeId);
}
