package dev.rapport.slack;

import dev.rapport.core.delivery.Pacer;
import dev.rapport.core.delivery.Pacer.Budget;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * How fast digests and round messages may call each Slack Web API method. Slack limits "per method per app per
 * workspace" in tiers: {@code conversations.open} and {@code conversations.history} are Tier 3 (50 a minute, with
 * sporadic bursts); {@code chat.postMessage} is special (one message a second per channel, which one digest per DM a
 * day never reaches, and a workspace-wide limit Slack does not state: Rapport assumes Tier 4's 100 a minute). With
 * {@code SLACK_REQUESTS_PER_SECOND} set, every method of a workspace shares that one budget instead, for a proxy or a
 * stand-in server that enforces a single limit.
 */
public record SlackPacing(Optional<Double> allMethodsPerSecond) {
    private static final Budget TIER_3 = Budget.perMinute(50);
    private static final Budget POSTS = Budget.perMinute(100);
    private static final Map<String, String> TIERS = Map.of(
            "conversations.open", "tier3",
            "conversations.history", "tier3",
            "chat.postMessage", "post");

    public SlackPacing {
        allMethodsPerSecond.ifPresent(rate -> {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("SLACK_REQUESTS_PER_SECOND must be a positive number");
            }
        });
    }

    /** Slack's published tiers. */
    public static SlackPacing tiers() {
        return new SlackPacing(Optional.empty());
    }

    /** One budget for every method of a workspace. */
    public static SlackPacing allMethods(double perSecond) {
        return new SlackPacing(Optional.of(perSecond));
    }

    /** The pacer of these budgets, its time from the clock, waiting with the waiter. */
    public Pacer pacer(Clock clock, Pacer.Waiter waiter) {
        return new Pacer(clock, waiter, this::budget);
    }

    /** The lane a call of this method on this workspace waits in. */
    String lane(String workspace, String method) {
        String tier = allMethodsPerSecond.isPresent() ? "all" : TIERS.getOrDefault(method, "tier3");
        return "slack:" + workspace + ":" + tier;
    }

    Budget budget(String lane) {
        if (allMethodsPerSecond.isPresent()) {
            return Budget.perSecond(allMethodsPerSecond.get());
        }
        return lane.endsWith(":post") ? POSTS : TIER_3;
    }
}
