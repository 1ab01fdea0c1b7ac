// A vendor service using Rolegate through a client generated from the OpenAPI document (docs/api.md):
//   npx openapi-typescript openapi.json -o rolegate.d.ts
// Every type below comes from the document; check.sh compiles this file against it.
import createClient from "openapi-fetch";
import type { components, paths } from "./rolegate";

type Problem = components["schemas"]["Problem"];
type Credentials = components["schemas"]["CredentialsResponse"];

const rolegate = createClient<paths>({
  baseUrl: process.env.ROLEGATE_URL ?? "http://localhost:8080",
  headers: { Authorization: `Bearer ${process.env.ROLEGATE_TOKEN}` },
});

/** Every ACTIVE connection, page after page, following next until it is null. */
export async function activeConnections(): Promise<components["schemas"]["ConnectionSummary"][]> {
  const all: components["schemas"]["ConnectionSummary"][] = [];
  let page = 0;
  for (;;) {
    const { data, error } = await rolegate.GET("/api/v1/connections", {
      params: { query: { status: "ACTIVE", page, size: 200 } },
    });
    if (error) throw new Error(`${error.code}: ${error.detail}`);
    all.push(...data.items);
    if (data.next === null) return all;
    page = data.page + 1;
  }
}

/** Credentials for a purpose; a retry with the same key gets the same answer, never a second session. */
export async function credentials(connectionId: string, purpose: string, refresh = false): Promise<Credentials> {
  const { data, error, response } = await rolegate.POST("/api/v1/connections/{id}/credentials", {
    params: { path: { id: connectionId }, header: { "Idempotency-Key": crypto.randomUUID() } },
    body: { purpose, durationSeconds: 900, refresh },
  });
  if (error) {
    const problem: Problem = error;
    const retryAfter = response.headers.get("Retry-After");
    throw new Error(`${problem.status} ${problem.code}: ${problem.detail}${retryAfter ? `; retry in ${retryAfter}s` : ""}`);
  }
  return data;
}

/** Polls a check until it has an outcome, cheaply: 304 while nothing changed. */
export async function checkOutcome(connectionId: string): Promise<components["schemas"]["CheckOutcome"]> {
  const started = await rolegate.POST("/api/v1/connections/{id}/checks", { params: { path: { id: connectionId } } });
  if (started.error) throw new Error(started.error.code);
  let etag: string | undefined;
  for (;;) {
    const { data, error, response } = await rolegate.GET("/api/v1/connections/{id}/checks/{checkId}", {
      params: { path: { id: connectionId, checkId: started.data.checkId } },
      headers: etag ? { "If-None-Match": etag } : {},
    });
    if (error) throw new Error(error.code);
    if (response.status !== 304 && data) {
      if (data.outcome !== "RUNNING") return data.outcome;
      etag = response.headers.get("ETag") ?? undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
