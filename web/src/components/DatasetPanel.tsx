import { useRef, useState } from "react";
import { Api, ApiError } from "../api";
import type { DatasetInfo } from "../types";
import { formatBytes } from "../lib/format";

interface Props {
  api: Api;
  datasets: DatasetInfo[];
  selected: string | null;
  onSelect: (name: string) => void;
  /** After an upload or delete. */
  onChanged: (select?: string) => void;
}

const ACCEPT = ".csv,.parquet,.json,.ndjson,.jsonl";

/** The tenant's datasets and the shared ones; drop a file anywhere on the panel to upload it. */
export function DatasetPanel({ api, datasets, selected, onSelect, onChanged }: Props) {
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState<{ file: string; sent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  /** Uploads `file` (as `name` when given); a taken name asks for another. */
  const upload = async (file: File, name?: string) => {
    setError(null);
    setDone(null);
    setUploading({ file: file.name, sent: 0 });
    try {
      const created = await api.upload(file, name, (sent) => setUploading({ file: file.name, sent }));
      setDone(`Uploaded ${created.name}: ${created.rows.toLocaleString("en-US")} rows, ${created.columns.length} columns.`);
      onChanged(created.name);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "dataset_exists") {
        const base = (name ?? file.name).replace(/\.[^.]*$/, "");
        const other = window.prompt(`${failure.message}. Upload it under another name:`, `${base}_2`);
        setUploading(null);
        if (other && other.trim()) await upload(file, other.trim());
        return;
      }
      setError((failure as Error).message);
    } finally {
      setUploading((current) => (current?.file === file.name ? null : current));
    }
  };

  const remove = async (name: string) => {
    if (!window.confirm(`Delete dataset “${name}”? This cannot be undone.`)) return;
    try {
      await api.deleteDataset(name);
      onChanged();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section
      className={`panel datasets${dragging ? " dragging" : ""}`}
      aria-label="Datasets"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void upload(file);
      }}
    >
      <h2>Datasets</h2>
      <ul className="list">
        {datasets.map((d) => (
          <li key={d.name}>
            <button
              type="button"
              className={`list-item${d.name === selected ? " selected" : ""}`}
              onClick={() => onSelect(d.name)}
              data-dataset={d.name}
            >
              <span className="item-title">{d.name}</span>
              <span className="item-meta">
                {d.format} · {formatBytes(d.bytes)}
                {d.shared && !d.owned && <span className="badge">shared</span>}
              </span>
            </button>
            {d.owned && (
              <button type="button" className="icon" title={`Delete ${d.name}`} onClick={() => remove(d.name)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="dropzone">
        {uploading ? (
          <span>
            Uploading {uploading.file}… {Math.round(uploading.sent * 100)}%
            <progress max={1} value={uploading.sent} aria-label="Upload progress" />
          </span>
        ) : (
          <>
            <span>Drop a CSV, Parquet or NDJSON file here, or </span>
            <button type="button" className="link" onClick={() => input.current?.click()}>
              choose one
            </button>
          </>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="upload-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = "";
          }}
        />
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="ok-text small" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
