import type { ReactNode } from 'react';

/** A form-level message; the live region is always present so screen readers announce changes. */
export function FormAlert({ tone = 'error', children }: { tone?: 'error' | 'success' | 'info'; children?: ReactNode }) {
  return (
    <div
      className={children ? `alert alert--${tone}` : 'alert alert--empty'}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      {children}
    </div>
  );
}
