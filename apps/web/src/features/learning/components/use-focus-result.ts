import { useEffect, useRef } from 'react';

/** Moves focus to the result after an answer was graded, so screen readers read the verdict first. */
export function useFocusResult(attemptId: string | null | undefined, justSubmitted: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justSubmitted && attemptId) ref.current?.focus();
  }, [attemptId, justSubmitted]);
  return ref;
}
