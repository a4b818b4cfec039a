import { useRef, useState } from "react";
import type { Api } from "../api";
import type { FunctionInfo } from "../types";
import { TEMPLATES, type Template } from "../templates";

interface Props {
  api: Api;
  functions: FunctionInfo[];
  /** Opens a function: its latest version, or the version given (with its source). */
  onOpen: (name: string, version?: FunctionInfo) => void;
  onDelete: (name: string) => void;
  onTemplate: (template: Template) => void;
}

/** Saved functions (latest versions, each with its earlier versions a click away) and starter templates. */
export function FunctionsPanel({ api, functions, onOpen, onDelete, onTemplate }: Props) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const [versions, setVersions] = useState<FunctionInfo[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  // The name whose versions are wanted now: a late answer for another is dropped.
  const wanted = useRef<string | null>(null);
  const toggle = (name: string) => {
    setFailure(null);
    setVersions([]);
    if (expanded === name) {
      wanted.current = null;
      setExpanded(null);
      return;
    }
    wanted.current = name;
    setExpanded(name);
    api.functionVersions(name).then(
      (list) => wanted.current === name && setVersions(list),
      (error: Error) => wanted.current === name && setFailure(error.message),
    );
  };
  return (
    <>
      <section className="panel" aria-label="Saved functions">
        <h2>Saved functions</h2>
        {functions.length === 0 ? (
          <p className="muted small">Save a function to reuse it here and call it from SQL.</p>
        ) : (
          <ul className="list">
            {functions.map((f) => (
              <li key={f.name} className="function-entry">
                <div className="function-row">
                  <button type="button" className="list-item" onClick={() => onOpen(f.name)} title={f.signature}>
                    <span className="item-title">{f.name}</span>
                    <span className="item-meta mono">{f.signature.replace(/^[^(]*/, "")}</span>
                  </button>
                  <button
                    type="button"
                    className="badge versions-toggle"
                    aria-expanded={expanded === f.name}
                    aria-label={`Versions of ${f.name}`}
                    title={`Versions of ${f.name} (latest v${f.version})`}
                    onClick={() => toggle(f.name)}
                  >
                    v{f.version}
                  </button>
                  <button type="button" className="icon" title={`Delete ${f.name}`} onClick={() => onDelete(f.name)}>
                    ×
                  </button>
                </div>
                {expanded === f.name && (
                  <ol className="versions" aria-label={`Versions of ${f.name}`}>
                    {failure && <li className="error-text small">{failure}</li>}
                    {versions.map((v) => (
                      <li key={v.version}>
                        <button type="button" className="link" onClick={() => onOpen(f.name, v)} title={v.signature}>
                          v{v.version}
                        </button>{" "}
                        <span className="muted small">{new Date(v.created_at).toLocaleString()}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-label="Templates">
        <h2>Templates</h2>
        <ul className="list">
          {TEMPLATES.map((t) => (
            <li key={t.id}>
              <button type="button" className="list-item" onClick={() => onTemplate(t)} data-template={t.id}>
                <span className="item-title">{t.title}</span>
                <span className="item-meta">{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
