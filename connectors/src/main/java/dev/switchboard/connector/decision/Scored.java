package dev.switchboard.connector.decision;

import java.util.List;

/**
 * What a model said about one event.
 *
 * @param score the positive label's probability (its score, for a model that gives no probabilities)
 * @param model the model's name, as the node's config names it
 * @param version which model exactly: a Tribuo file's SHA-256 prefix, an online model's save count
 * @param contributions every feature's part, empty for a model that is not linear
 */
record Scored(double score, String model, String version, List<Contribution> contributions) {}
