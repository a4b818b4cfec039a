/** Starts an execution and follows it to its end. */
import { useCallback, useEffect, useRef, useState } from "react";
import { Api, ApiError } from "./api";
import type { Execution, ExecutionRequest, SqlRequest } from "./types";
import { isFinished } from "./types";

export interface ExecutionTracker {
  /** The execution as last polled. */
  status: Execution | null;
  /** A request refused before it started (4xx), with diagnostics if the compiler spoke. */
  refused: ApiError | null;
  busy: boolean;
  start: (request: ExecutionRequest | SqlRequest) => Promise<void>;
  /** Shows an execution that already exists (a reopened one), following it if it still runs. */
  follow: (id: string) => Promise<void>;
  cancel: () => Promise<void>;
}

/** The first wait between status polls; it doubles up to the hook's `pollMs`. */
export const FIRST_POLL_MS = 20;

export function useExecution(api: Api, pollMs = 250): ExecutionTracker {
  const [status, setStatus] = useState<Execution | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useRef<string | null>(null);

  useEffect(() => () => void (current.current = null), []);

  /** Polls `id` until it ends (or another execution takes its place): soon at first (a warm
   * run of the paper's example ends in tens of milliseconds), then every `pollMs`. */
  const poll = useCallback(
    async (id: string) => {
      current.current = id;
      let wait = Math.min(FIRST_POLL_MS, pollMs);
      for (;;) {
        const next = await api.status(id);
        if (current.current !== id) return;
        setStatus(next);
        if (isFinished(next.status)) break;
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = Math.min(wait * 2, pollMs);
      }
    },
    [api, pollMs],
  );

  const run = useCallback(async (work: () => Promise<void>) => {
    setRefused(null);
    setStatus(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setRefused(error instanceof ApiError ? error : new ApiError(0, "client", String(error)));
    } finally {
      setBusy(false);
    }
  }, []);

  const start = useCallback(
    (request: ExecutionRequest | SqlRequest) => run(async () => poll((await api.execute(request)).id)),
    [api, poll, run],
  );

  const follow = useCallback((id: string) => run(() => poll(id)), [poll, run]);

  const cancel = useCallback(async () => {
    if (current.current) await api.cancel(current.current).catch(() => undefined);
  }, [api]);

  return { status, refused, busy, start, follow, cancel };
}
