/**
 * Where the reading flow goes next, from the emails in sequence order. Pure,
 * so the keys, the buttons and the tests agree on it.
 */
interface Marked {
  id: string;
  done: boolean;
}

function indexOf(emails: readonly Marked[], emailId: string | undefined): number {
  return emailId === undefined ? -1 : emails.findIndex((email) => email.id === emailId);
}

/** The first email not done after this one (n, and Space at an email's end); none past the last. */
export function nextNotDone(
  emails: readonly Marked[],
  fromId: string | undefined,
): string | undefined {
  const from = indexOf(emails, fromId);
  return emails.slice(from + 1).find((email) => !email.done)?.id;
}

/** The last email not done before this one (p, and Shift+Space at an email's top). */
export function previousNotDone(
  emails: readonly Marked[],
  fromId: string | undefined,
): string | undefined {
  const from = indexOf(emails, fromId);
  const before = from < 0 ? [] : emails.slice(0, from);
  return before.reverse().find((email) => !email.done)?.id;
}

/**
 * What to read after marking `doneId` done: the next open email after it, else
 * the earliest one still open (the learner skipped it), else nothing: all done.
 */
export function afterDone(emails: readonly Marked[], doneId: string): string | undefined {
  const rest = emails.map((email) => (email.id === doneId ? { ...email, done: true } : email));
  return nextNotDone(rest, doneId) ?? rest.find((email) => !email.done)?.id;
}

/**
 * The emails a learner is likely to open next from `openId`: the next and
 * previous not done (Space, n, p, Done & next) and the rows right after and
 * before it (j, k, a click on a neighbour). The window reads them ahead.
 */
export function likelyNext(emails: readonly Marked[], openId: string): string[] {
  const at = indexOf(emails, openId);
  if (at < 0) return [];
  const ids = [
    afterDone(emails, openId),
    emails[at + 1]?.id,
    previousNotDone(emails, openId),
    emails[at - 1]?.id,
  ];
  return [...new Set(ids.filter((id) => id !== undefined && id !== openId))] as string[];
}

/** The email to open when studying starts: the one due first, else the first not done, else the first. */
export function startingEmail(
  emails: readonly Marked[],
  dueFirstId: string | undefined,
): string | undefined {
  if (dueFirstId && emails.some((email) => email.id === dueFirstId)) return dueFirstId;
  return (emails.find((email) => !email.done) ?? emails[0])?.id;
}
