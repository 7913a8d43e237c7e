package dev.switchboard.connector.decision;

import java.util.Map;

/** A model a {@code score} step asks: a Tribuo classifier from a file, or an online model in the store. */
sealed interface DecisionModel permits TribuoDecisionModel, OnlineDecisionModel {

    /** The positive label's score for these feature values; safe to call from many threads. */
    Scored score(Map<String, Double> features);
}
