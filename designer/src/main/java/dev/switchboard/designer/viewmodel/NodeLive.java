package dev.switchboard.designer.viewmodel;

import java.util.List;

/**
 * What a node's card shows while its flow runs.
 *
 * @param warnings events it let pass that broke its data contract (enforcement {@code warn})
 * @param recentWarnings the latest of those violations, oldest first, each with its JSON pointers
 */
public record NodeLive(
        long in,
        long out,
        long filtered,
        long errors,
        RunViewModel.NodeStatus status,
        String detail,
        List<String> urls,
        long warnings,
        List<String> recentWarnings) {}
