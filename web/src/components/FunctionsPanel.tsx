import type { FunctionInfo } from "../types";
import { TEMPLATES, type Template } from "../templates";

interface Props {
  functions: FunctionInfo[];
  onOpen: (name: string) => void;
  onDelete: (name: string) => void;
  onTemplate: (template: Template) => void;
}

/** Saved functions (latest versions) and starter templates. */
export function FunctionsPanel({ functions, onOpen, onDelete, onTemplate }: Props) {
  return (
    <>
      <section className="panel" aria-label="Saved functions">
        <h2>Saved functions</h2>
        {functions.length === 0 ? (
          <p className="muted small">Save a function to reuse it here and call it from SQL.</p>
        ) : (
          <ul className="list">
            {functions.map((f) => (
              <li key={f.name}>
                <button type="button" className="list-item" onClick={() => onOpen(f.name)} title={f.signature}>
                  <span className="item-title">
                    {f.name} <span className="badge">v{f.version}</span>
                  </span>
                  <span className="item-meta mono">{f.signature.replace(/^[^(]*/, "")}</span>
                </button>
                <button type="button" className="icon" title={`Delete ${f.name}`} onClick={() => onDelete(f.name)}>
                  ×
                </button>
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
