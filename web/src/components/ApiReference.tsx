import { useEffect, useState } from "react";

/** The parts of an OpenAPI 3 document this page shows. */
interface Schema {
  type?: string | string[];
  $ref?: string;
  items?: Schema;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: string[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Parameter {
  name: string;
  in: string;
  description?: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  info?: { title?: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
  tags?: { name: string; description?: string }[];
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** A schema's name or shape in a few characters: `ExecutionList`, `string[]`, `object`. */
function typeName(schema?: Schema): string {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "";
  if (schema.items) return `${typeName(schema.items)}[]`;
  if (schema.oneOf) return schema.oneOf.map(typeName).join(" | ");
  if (schema.allOf) return schema.allOf.map(typeName).join(" & ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  return Array.isArray(schema.type) ? schema.type.filter((t) => t !== "null").join(" | ") : (schema.type ?? "object");
}

function SchemaFields({ schema }: { schema?: Schema }) {
  if (!schema?.properties) return null;
  return (
    <table className="reference-fields">
      <tbody>
        {Object.entries(schema.properties).map(([name, field]) => (
          <tr key={name}>
            <td className="mono">
              {name}
              {schema.required?.includes(name) ? "" : "?"}
            </td>
            <td className="mono muted">{typeName(field)}</td>
            <td>{field.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The HTTP API's reference, rendered from the server's own OpenAPI document (the one the page's
 * types are generated from): every endpoint with its parameters, body and answers.
 */
export function ApiReference() {
  const [document, setDocument] = useState<Document | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    fetch("/api/v1/openapi.json")
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(setDocument, (error: Error) => setProblem(error.message));
  }, []);
  if (problem) return <p className="error-text">The API document could not be loaded: {problem}</p>;
  if (!document) return <p className="muted">Loading the API reference…</p>;
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema?: Schema) => (schema?.$ref ? schemas[schema.$ref.split("/").pop() ?? ""] : schema);
  return (
    <main className="main reference">
      <section className="card">
        <h2>{document.info?.title ?? "API"} HTTP API</h2>
        <p>{document.info?.description}</p>
        <p className="muted small">
          Base URL <code>/api/v1</code>. The machine-readable document is{" "}
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
        </p>
      </section>
      {(document.tags ?? [{ name: "" }]).map((tag) => (
        <section className="card" key={tag.name} aria-label={tag.name}>
          <h2>{tag.name}</h2>
          {tag.description && <p className="muted">{tag.description}</p>}
          {Object.entries(document.paths).flatMap(([path, item]) =>
            METHODS.filter((method) => item[method] && (item[method].tags ?? [""]).includes(tag.name)).map((method) => {
              const operation = item[method];
              const body = operation.requestBody?.content?.["application/json"]?.schema;
              return (
                <details key={`${method} ${path}`} className="endpoint" data-endpoint={`${method.toUpperCase()} ${path}`}>
                  <summary>
                    <span className={`method ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>{" "}
                    <span className="muted">{operation.summary}</span>
                  </summary>
                  {operation.description && <p>{operation.description}</p>}
                  {operation.parameters && operation.parameters.length > 0 && (
                    <>
                      <h4>Parameters</h4>
                      <table className="reference-fields">
                        <tbody>
                          {operation.parameters.map((parameter) => (
                            <tr key={`${parameter.in}-${parameter.name}`}>
                              <td className="mono">
                                {parameter.name}
                                {parameter.required ? "" : "?"}
                              </td>
                              <td className="mono muted">
                                {parameter.in} · {typeName(parameter.schema)}
                              </td>
                              <td>{parameter.description}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </>
                  )}
                  {body && (
                    <>
                      <h4>
                        Body <code>{typeName(body)}</code>
                      </h4>
                      <SchemaFields schema={resolve(body)} />
                    </>
                  )}
                  <h4>Answers</h4>
                  <ul className="plain">
                    {Object.entries(operation.responses ?? {}).map(([status, response]) => {
                      const schema = Object.values(response.content ?? {})[0]?.schema;
                      return (
                        <li key={status}>
                          <code>{status}</code> {schema && <code className="muted">{typeName(schema)}</code>}{" "}
                          {response.description}
                        </li>
                      );
                    })}
                  </ul>
                </details>
              );
            }),
          )}
        </section>
      ))}
    </main>
  );
}
