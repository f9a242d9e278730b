import { useCallback, useEffect, useState } from "react";
import { ApiError, getJson } from "./api";

export interface Loaded<T> { data: T | undefined; error: ApiError | undefined; loading: boolean; reload: () => void }

/**
 * Reads one API route for a component; a null path waits (nothing to read yet). With <c>initial</c> (the same data,
 * already received with another answer), the first read is skipped; a reload reads the route.
 */
export function useApi<T>(path: string | null, initial?: T): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>(
    { data: initial, loading: path !== null && initial === undefined });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === null || (round === 0 && initial !== undefined)) return;
    let current = true;
    setState((s) => ({ data: s.data, loading: true }));
    getJson<T>(path).then(
      (data) => current && setState({ data, loading: false }),
      (error: ApiError) => current && setState({ error, loading: false }));
    return () => { current = false; };
  }, [path, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
