interface SkipLinkProps {
  targetId: string;
  children: string;
}

/** First stop for keyboard users; jumps past the header and the list. */
export function SkipLink({ targetId, children }: SkipLinkProps) {
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        // A hash change would count as navigation; focusing the target is all we need.
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      {children}
    </a>
  );
}
