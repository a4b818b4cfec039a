import { useState } from "react";
import { Api } from "../api";

export const TOKEN_KEY = "wasmudf.token";

interface Props {
  onToken: (token: string) => void;
}

/** Asks for the API token once; it is checked against the server, then kept in this browser. */
export function TokenGate({ onToken }: Props) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) return;
    setChecking(true);
    setError(null);
    try {
      await new Api(candidate).datasets();
      localStorage.setItem(TOKEN_KEY, candidate);
      onToken(candidate);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="gate">
      <form className="gate-card" onSubmit={submit}>
        <h1>
          wasm<span>udf</span>
        </h1>
        <p>Run your own C functions over shared datasets, compiled to WebAssembly and sandboxed.</p>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          autoComplete="off"
          spellCheck={false}
          placeholder="wu_…"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoFocus
        />
        <p className="muted small">
          <code>wasmudf serve</code> prints the demo tenant's token; <code>wasmudf tenants create NAME</code> makes
          another.
        </p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={checking || !token.trim()}>
          {checking ? "Checking…" : "Continue"}
        </button>
      </form>
    </main>
  );
}
