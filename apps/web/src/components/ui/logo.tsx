/** The Freiraum word mark: an open square (room to move) and the name. */
export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="logo">
      <svg className="logo__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M10 23V9h12v3.2h-8.4v2.7h7.4v3.1h-7.4V23z" fill="#fff" />
      </svg>
      {!compact && <span className="logo__name">Freiraum</span>}
    </span>
  );
}
