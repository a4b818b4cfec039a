import type { Column } from "../types";

interface Props {
  columns: Column[];
  /** Chosen column names, in parameter order. */
  selected: string[];
  onChange: (selected: string[]) => void;
  /** The group's accessible name. */
  label?: string;
}

/** The dataset's columns with their types; clicking adds a column as the next parameter. */
export function ColumnPicker({ columns, selected, onChange, label = "Input columns" }: Props) {
  if (columns.length === 0) return <p className="muted">Pick a dataset to see its columns.</p>;
  const toggle = (name: string) =>
    onChange(selected.includes(name) ? selected.filter((s) => s !== name) : [...selected, name]);
  return (
    <div className="columns" role="group" aria-label={label}>
      {columns.map((column) => {
        const position = selected.indexOf(column.name);
        const chosen = position >= 0;
        return (
          <button
            key={column.name}
            type="button"
            className={`column${chosen ? " chosen" : ""}`}
            aria-pressed={chosen}
            data-column={column.name}
            onClick={() => toggle(column.name)}
            title={chosen ? `Parameter ${position + 1}: click to remove` : "Click to pass as the next parameter"}
          >
            {chosen && <span className="position">{position + 1}</span>}
            <span className="column-name">{column.name}</span>
            <span className="type">{column.type}</span>
          </button>
        );
      })}
    </div>
  );
}
