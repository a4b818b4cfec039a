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
  cancel: () => Promise<void>;
}

export function useExecution(api: Api, pollMs = 250): ExecutionTracker {
  const [status, setStatus] = useState<Execution | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useRef<string | null>(null);

  useEffect(() => () => void (current.current = null), []);

  const start = useCallback(
    async (request: ExecutionRequest | SqlRequest) => {
      setRefused(null);
      setStatus(null);
      setBusy(true);
      try {
        const { id } = await api.execute(request);
        current.current = id;
        for (;;) {
          const next = await api.status(id);
          if (current.current !== id) return;
          setStatus(next);
          if (isFinished(next.status)) break;
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
      } catch (error) {
        setRefused(error instanceof ApiError ? error : new ApiError(0, "client", String(error)));
      } finally {
        setBusy(false);
      }
    },
    [api, pollMs],
  );

  const cancel = useCallback(async () => {
    if (current.current) await api.cancel(current.current).catch(() => undefined);
  }, [api]);

  return { status, refused, busy, start, cancel };
}
