package dev.switchboard.connector.ingress;

import java.util.function.Function;

/**
 * A hook mounted on the ingress while its route runs.
 *
 * @param owner who mounted it (a route id), for the message when another flow wants the same path
 * @param handler runs the request through the route and returns its answer; called on a worker
 *     thread, may block (the inbox commit)
 */
record Mount(HookSpec spec, String owner, Function<IngressRequest, IngressAnswer> handler) {}
