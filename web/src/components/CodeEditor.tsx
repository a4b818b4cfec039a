import { useEffect, useRef } from "react";
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { cpp } from "@codemirror/lang-cpp";
import { sql } from "@codemirror/lang-sql";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import type { Diagnostic } from "../types";
import { toEditorDiagnostics } from "../lib/diagnostics";

interface Props {
  value: string;
  onChange: (value: string) => void;
  language: "c" | "sql";
  /** Compiler diagnostics, shown inline at their lines. */
  diagnostics?: Diagnostic[];
  /** Ctrl/Cmd-Enter. */
  onRun?: () => void;
  label: string;
  /** SQL tables and functions offered as completions. */
  sqlSchema?: Record<string, string[]>;
}

/** CodeMirror 6 for C or SQL. Created once; `value` replaces the text only when it differs. */
export function CodeEditor({ value, onChange, language, diagnostics = [], onRun, label, sqlSchema }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const onRunRef = useRef(onRun);
  onChangeRef.current = onChange;
  onRunRef.current = onRun;

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(
            keymap.of([
              {
                key: "Mod-Enter",
                run: () => {
                  onRunRef.current?.();
                  return true;
                },
              },
            ]),
          ),
          basicSetup,
          language === "c" ? cpp() : sql({ schema: sqlSchema, upperCaseKeywords: true }),
          lintGutter(),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
          EditorView.contentAttributes.of({ "aria-label": label }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; later props flow in through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const marks = toEditorDiagnostics(editor.state.doc.toString(), diagnostics);
    editor.dispatch(setDiagnostics(editor.state, marks));
  }, [diagnostics]);

  return <div className={`editor editor-${language}`} ref={host} data-testid={`editor-${language}`} />;
}
