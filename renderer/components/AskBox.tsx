import { useEffect, useState } from 'react';
import type { GroupView } from '../../electron/shared/types';
import { questionText } from '../lib/question-text';
import { useOpenEmail } from '../queries/emails';
import { useActiveCourse } from '../queries/library';
import { useUiActions, useUiStore } from '../stores/useUiStore';

/** How long "Copied" stays next to the button. */
const COPIED_MS = 5_000;

/**
 * The one primary action of the groups: ask in the recommended group (the
 * liveliest open one), with the open email's question ready to paste.
 */
export function AskBox({ group }: { group: GroupView }) {
  const { openLink, copy: copyText } = useUiActions();
  // The email in the reader (already read: this only looks in the cache).
  const email = useOpenEmail(useUiStore((s) => s.openId)).data;
  const course = useActiveCourse();
  const [copied, setCopied] = useState<string>();

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(undefined), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    if (!email) return;
    const text = questionText({ ...email, courseTitle: course?.title });
    const refused = await copyText(text);
    setCopied(refused ?? 'Question copied: paste it in the group and add what you tried.');
  };

  return (
    <section className="ask-box" aria-labelledby="ask-title">
      <h3 id="ask-title" className="ask-title">
        {email ? `Stuck on #${email.order}?` : 'Stuck?'}
      </h3>
      <p className="ask-text">
        <strong>{group.name}</strong> is the liveliest place to ask for this course.
      </p>
      <div className="ask-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void openLink(group.liveUrl)}
        >
          Ask in {group.name}
        </button>
        {email && (
          <button type="button" className="button" onClick={() => void copy()}>
            Copy question
          </button>
        )}
      </div>
      <p className="ask-status" role="status">
        {copied}
      </p>
    </section>
  );
}
