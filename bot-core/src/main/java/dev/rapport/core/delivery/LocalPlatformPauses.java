package dev.rapport.core.delivery;

import dev.rapport.core.port.PlatformPauses;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Platform pauses kept in this process: right for one instance, whose every sender shares them. */
public final class LocalPlatformPauses implements PlatformPauses {
    private final Map<String, Instant> until = new ConcurrentHashMap<>();

    @Override
    public Optional<Instant> pausedUntil(String platform) {
        return Optional.ofNullable(until.get(platform));
    }

    @Override
    public void pause(String platform, Instant end) {
        until.merge(platform, end, (current, next) -> next.isAfter(current) ? next : current);
    }
}
