package dev.switchboard.connector.webhook;

/** The designer's help page for {@code webhook}. */
final class WebhookHelp {
    private WebhookHelp() {}

    static final String TEXT = """
            Starts the flow when an HTTP request arrives at **Path** on the engine's web server
            (by default `http://127.0.0.1:8787`).

            **What the caller gets**

            | Situation | Answer |
            |---|---|
            | accepted | `202` with `{"id": "<event id>"}` — the event is queued and runs shortly after |
            | authentication missing or wrong | `401` with `{"error": "unauthorized", "message": …}`; nothing runs |
            | body says JSON but is not | `400` with `{"error": "bad_request", "message": …}`; nothing runs |
            | another method than **Method** | `405` |
            | body larger than 10 MB | `413`; nothing runs |
            | the engine cannot queue the event | `503` with `{"error": "unavailable", …}`; the caller should retry |

            **Authentication** is checked on the raw request before anything is parsed, and every
            comparison runs in constant time.

            - `bearer`: callers send `Authorization: Bearer <token>`.
            - `basic`: callers send `Authorization: Basic base64(username:password)`.
            - `hmac-sha256`: callers sign the raw body with the shared secret and send
              `X-Signature-256: sha256=<hex>` (header name configurable; GitHub's
              `X-Hub-Signature-256` works the same way). Form-encoded bodies are refused, because the
              signature must cover the exact bytes sent.

            **The event**

            - `data` is the body: parsed JSON for `application/json`, `*+json` or no content type;
              the decoded text as a JSON string for other content types; an object of the fields for
              `application/x-www-form-urlencoded`; `null` for an empty body.
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
                          "secret": "{{secret:LEADS_HOOK}}" } }
            ```

            ```sh
            body='{"name":"Ada","score":72}'
            sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$LEADS_HOOK" | cut -d' ' -f2)
            curl -X POST http://127.0.0.1:8787/hooks/leads -H 'Content-Type: application/json' \\
                 -H "X-Signature-256: sha256=$sig" -d "$body"
            ```

            Then `{{data.name}}` is `Ada` in the nodes after this one.
            """;
}
