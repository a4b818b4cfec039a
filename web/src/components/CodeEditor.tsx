import { useEffect, useRef } from "react";
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { Compartment, EditorState, Prec, type Extension } from "@codemirror/state";
import { completeFromList, type Completion } from "@codemirror/autocomplete";
import { cpp, cppLanguage } from "@codemirror/lang-cpp";
import { StandardSQL, sql } from "@codemirror/lang-sql";
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
  /** SQL: tables with their columns, offered as completions. */
  sqlSchema?: Record<string, Completion[]>;
  /** More names offered as completions: C's types, helpers and columns; SQL's functions. */
  completions?: Completion[];
}

/** The language with what it completes: C's names, or SQL's schema and functions. */
function languageSupport(language: "c" | "sql", schema: Record<string, Completion[]>, names: Completion[]): Extension {
  if (language === "c") return [cpp(), cppLanguage.data.of({ autocomplete: completeFromList(names) })];
  return [
    sql({ schema, upperCaseKeywords: true }),
    StandardSQL.language.data.of({ autocomplete: completeFromList(names) }),
  ];
}

/** CodeMirror 6 for C or SQL. Created once; `value` replaces the text only when it differs. */
export function CodeEditor({ value, onChange, language, diagnostics = [], onRun, label, sqlSchema, completions }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const onRunRef = useRef(onRun);
  const languageSlot = useRef(new Compartment());
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
          languageSlot.current.of(languageSupport(language, sqlSchema ?? {}, completions ?? [])),
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

  // Datasets, columns and functions arrive after the editor is made, and change.
  useEffect(() => {
    view.current?.dispatch({
      effects: languageSlot.current.reconfigure(languageSupport(language, sqlSchema ?? {}, completions ?? [])),
    });
  }, [language, sqlSchema, completions]);

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
