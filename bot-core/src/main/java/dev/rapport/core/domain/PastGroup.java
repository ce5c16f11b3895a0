package dev.rapport.core.domain;

import java.util.List;

/** A pair or trio from an earlier round: how many rounds ago (1 = the last one), who, and whether they met. */
public record PastGroup(int roundsAgo, List<String> members, boolean met) {
    public PastGroup {
        members = List.copyOf(members);
    }
}
