package dev.switchboard.connector.ingress;

/**
 * What a webhook node asks of the ingress: one method on one path, the largest body it takes, and
 * the checks that need only the headers.
 *
 * @param path an absolute path such as {@code /hooks/leads}, matched exactly (a trailing slash aside)
 * @param method the one HTTP method served there; others get 405
 * @param maxBodyBytes larger bodies get 413, and are never kept in memory
 */
public record HookSpec(String path, String method, long maxBodyBytes, HeaderCheck headerCheck) {

    public HookSpec {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A hook path starts with /, not '" + path + "'");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("A hook's body limit must be positive, not " + maxBodyBytes);
        }
        path = MountTable.normalize(path);
        headerCheck = headerCheck == null ? HeaderCheck.NONE : headerCheck;
    }
}
