package dev.switchboard.connector.ingress;

import java.util.Map;
import java.util.Optional;

/**
 * A check a hook runs on the request headers alone, before the ingress reads a byte of the body:
 * a request it refuses costs no memory for its body. The headers are looked up case-insensitively.
 */
@FunctionalInterface
public interface HeaderCheck {
    HeaderCheck NONE = headers -> Optional.empty();

    /** Empty to go on and read the body; otherwise the answer that ends the request. */
    Optional<IngressAnswer> check(Map<String, String> headers);
}
