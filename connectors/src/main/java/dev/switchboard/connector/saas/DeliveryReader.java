package dev.switchboard.connector.saas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.ingress.IngressRequest;

/** Reads a vendor's authenticated call (its headers and the body parsed as JSON) into a {@link Delivery}. */
@FunctionalInterface
public interface DeliveryReader {
    Delivery read(IngressRequest request, JsonNode body) throws Delivery.Malformed;
}
