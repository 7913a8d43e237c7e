package dev.switchboard.runtime.live;

/** One node of one flow. */
public record NodeKey(String flowId, String nodeId) {}
