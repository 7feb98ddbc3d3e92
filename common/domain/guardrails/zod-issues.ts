import type { z } from 'zod';

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => String(v)).join('|')}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_union':
      return 'expected a preset id (cn|us-regf|uk-conc) or a policy object';
    default:
      return issue.message;
  }
}

/** One line naming the first problem and where it is, e.g. `action.channel: expected one of call|sms|…`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  // Name the unknown key itself, so the path points at what to remove.
  const path = first.code === 'unrecognized_keys' && first.keys[0] ? [...first.path, first.keys[0]] : first.path;
  return `${pathText(path)}: ${issueText(first)}${more}`;
}
