interface QuestionSource {
  courseTitle?: string;
  order: number;
  title: string;
  link?: string;
  note?: string;
}

/**
 * What "Copy question" puts on the clipboard: enough for a stranger in a
 * study group to know which lesson it is about, and the learner's own note
 * as the start of the question.
 */
export function questionText(email: QuestionSource): string {
  const where = email.courseTitle ? ` (${email.courseTitle}, email ${email.order})` : '';
  const lines = [`Question about “${email.title || 'Untitled email'}”${where}`];
  if (email.link) lines.push(email.link);
  lines.push('', email.note?.trim() || 'My question: ');
  return lines.join('\n');
}
