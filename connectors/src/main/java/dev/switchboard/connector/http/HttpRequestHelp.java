package dev.switchboard.connector.http;

/** The designer's help page for {@code http.request}. */
final class HttpRequestHelp {
    private HttpRequestHelp() {}

    static final String TEXT = """
            Calls an HTTP API once for each event.

            **URL** and **headers** may use look-ups such as `{{data.id}}`. A look-up anywhere but at
            the very start of the URL is percent-encoded, so `/leads/{{data.id}}` with the id
            `a/b?c` requests `/leads/a%2Fb%3Fc`: event data can never change the host or add query
            parameters.

            **Body**

            - empty: the event data as JSON for POST, PUT and PATCH; no body for GET and DELETE.
            - JSON (the default **Content type** `application/json`): write the JSON you want and put
              look-ups inside strings. A string that is exactly one look-up keeps the value's JSON type:
              `{"name": "{{data.name}}", "score": "{{data.score}}", "tags": "{{data.tags}}"}` sends
              the score as a number and the tags as an array. Values are always escaped, so quotes in
              the data cannot break the document.
            - `application/x-www-form-urlencoded`: look-ups are form-encoded.
            - other content types: the text with look-ups as plain text.

            **Authentication**: `bearer` (`Authorization: Bearer …`), `basic`, or `api-key` (the key in
            **API key header**, `X-API-Key` by default). Keep credentials in secrets:
            `{{secret:API_TOKEN}}`.

            **Retries**: connection errors, timeouts, `408`, `429` and `5xx` are tried again —
            **Retries** more times (0 to 10), waiting **Retry backoff** before the first retry and
            twice as long each time after (at most 30 s). Leave both empty to use the flow's retry
            policy (`settings.retry`), or 3 retries 1 s apart when the flow has none; a node's own
            `retry` object (`{"attempts": 4, "backoff": "1s", "maxBackoff": "30s"}`) wins over both.
            For `429` and `503` a `Retry-After` header (seconds or an HTTP date) is honoured: the
            next attempt never comes sooner than it says; a server asking for more than an hour is
            given up on at once. Waiting for a retry holds no thread and survives a restart: the
            event waits in the store. Any other `4xx` is not retried: the event is dead-lettered
            (or goes to the **error** port) with the status and the start of the response body, e.g.
            `POST https://api.example.com/leads answered 404: {"error":"no such list"}`. The dead
            letter's attempts are the requests the API saw.

            **Idempotency**: retrying a POST whose response was lost can create duplicates. Turn on
            **Send Idempotency-Key** to send `Idempotency-Key: <event id>` — the same value on every
            retry, and on a replay of the same event — for APIs that deduplicate on it (Stripe and
            many others). You can also set your own header, e.g. `Idempotency-Key: {{data.orderId}}`.

            **Output**: with **Output** `response` (the default) the event's data becomes

            ```json
            { "status": 201,
              "headers": { "content-type": "application/json", "location": "/leads/42" },
              "body": { "id": 42, "name": "Ada" } }
            ```

            Header names are lower case; several values of one header are joined with `, `. The body
            is parsed JSON when the response says JSON, otherwise text (`null` when empty). With
            `original` the event goes on unchanged.

            **Example**

            ```json
            { "id": "crm", "type": "http.request",
              "config": { "method": "POST", "url": "https://crm.example.com/api/leads",
                          "auth": "bearer", "token": "{{secret:CRM_TOKEN}}",
                          "body": "{\\"name\\": \\"{{data.name}}\\", \\"score\\": \\"{{data.score}}\\"}",
                          "idempotencyKey": true, "retries": 3, "retryBackoff": "1s" } }
            ```
            """;
}
