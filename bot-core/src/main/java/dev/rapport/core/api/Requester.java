package dev.rapport.core.api;

import dev.rapport.core.domain.UserKey;
import java.time.ZoneId;
import java.util.Optional;

/** Who is asking: their platform identity, display name, and the time zone the platform reports, if any. */
public record Requester(UserKey key, String displayName, Optional<ZoneId> platformZone) {
    public static Requester of(String platform, String workspace, String userId, String displayName) {
        return new Requester(new UserKey(platform, workspace, userId), displayName, Optional.empty());
    }

    public Requester withZone(ZoneId zone) {
        return new Requester(key, displayName, Optional.of(zone));
    }
}
