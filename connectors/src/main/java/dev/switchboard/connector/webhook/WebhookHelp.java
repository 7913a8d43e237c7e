package dev.switchboard.connector.webhook;

/** The designer's help page for {@code webhook}. */
final class WebhookHelp {
    private WebhookHelp() {}

    static final String TEXT = """
            Starts the flow when an HTTP request arrives at **Path** on the engine's webhook server
            (by default `http://127.0.0.1:8787`, loopback only).

            **What the caller gets** — always JSON, errors as `{"error": code, "message": …}`

            | Situation | Answer |
            |---|---|
            | accepted | `202` with `{"id": "<event id>"}` — the event is stored and runs shortly after |
            | authentication missing or wrong | `401` `unauthorized`; nothing runs |
            | body says JSON (or form) but is not | `400` `bad_request`; nothing runs |
            | another method than **Method** | `405` `method_not_allowed`, with an `Allow` header |
            | no webhook on that path | `404` `not_found` |
            | body larger than **Largest body** | `413` `payload_too_large`; nothing runs, nothing is kept |
            | request headers larger than 8 KB | `431` `request_header_fields_too_large` |
            | the runtime is shutting down, or cannot store the event now | `503` `unavailable` with `Retry-After`; the caller should retry |

            **Largest body** (`maxBodySize`, default `10MB`, at most `50MB`; `512KB`, `2MB` or a number
            of bytes): a `Content-Length` above it gets 413 before a byte of the body is read; a body
            sent without a length is counted as it arrives and cut off at the limit. Everything up to
            the limit is stored whole.

            **Authentication** is checked before anything is parsed, and every comparison runs in
            constant time. Bearer and basic credentials are checked on the headers alone, before the
            body is read: a caller without them costs no memory for its body.

            - `bearer`: callers send `Authorization: Bearer <token>`.
            - `basic`: callers send `Authorization: Basic base64(username:password)`.
            - `hmac-sha256`: callers sign the exact body bytes with the shared secret and send
              `X-Signature-256: sha256=<hex>` (header name configurable; GitHub's
              `X-Hub-Signature-256` works the same way). The `sha256=` prefix is required. Form-encoded
              bodies are signed like any other: over their raw bytes.
            - `hmac-sha256` with a **Timestamp header** (e.g. `X-Signature-Timestamp`): callers also send
              the current unix time in seconds in that header and sign `timestamp + "." + body`. A
              request whose timestamp is further than **Timestamp tolerance** (default `5m`) from the
              server's clock is refused, so a recorded request cannot be replayed later. Within the
              tolerance a replay is possible: key a **Dedupe** step on a delivery id to drop it.

            **The event**

            - `data` is the body: parsed JSON for `application/json`, `*+json` or no content type;
              an object of the fields for `application/x-www-form-urlencoded` (a field sent several
              times becomes a list); the decoded text as a JSON string for other content types; `null`
              for an empty body.
            - `type` is **Event type**, `subject` the path.
            - `User-Agent`, `Content-Type`, `Idempotency-Key` and `X-…` request headers become extension
              attributes named `http` + the header name in lower case without dashes: `X-GitHub-Event` is
              `{{httpxgithubevent}}`, `User-Agent` is `{{httpuseragent}}`, `Idempotency-Key` is
              `{{httpidempotencykey}}` (what a **Dedupe** step keys on when the sender is another
              Switchboard's `http.request` with **Send Idempotency-Key**). `Authorization`, cookies,
              the signature header and any header whose name mentions a token, key, secret,
              password or session are never copied. Query parameters are not copied either.

            **Example**

            ```json
            { "id": "hook", "type": "webhook",
              "config": { "path": "/hooks/leads", "auth": "hmac-sha256",
                          "secret": "{{secret:LEADS_HOOK}}",
                          "timestampHeader": "X-Signature-Timestamp", "maxBodySize": "1MB" } }
            ```

            ```sh
            body='{"name":"Ada","score":72}'
            ts=$(date +%s)
            sig=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$LEADS_HOOK" | cut -d' ' -f2)
            curl -X POST http://127.0.0.1:8787/hooks/leads -H 'Content-Type: application/json' \\
                 -H "X-Signature-Timestamp: $ts" -H "X-Signature-256: sha256=$sig" -d "$body"
            ```

            Without a timestamp header, sign the body alone: `printf '%s' "$body" | openssl dgst …`.
            Then `{{data.name}}` is `Ada` in the nodes after this one.
            """;
}
