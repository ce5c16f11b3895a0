package dev.rapport.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Whether this instance should get traffic: its database answers, its schema is at this build's version, and every
 * adapter is connected. A load balancer asks it (the HTTP front serves it as {@code /healthz}: 200 when ready, 503
 * otherwise, with the answer's lines as the body) and routes around an instance that is not ready.
 */
public final class Readiness {
    private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();

    public Readiness(BooleanSupplier databaseReachable, BooleanSupplier migrationsCurrent) {
        checks.put("database", databaseReachable);
        checks.put("migrations", migrationsCurrent);
    }

    /** Adds an adapter's connection check, named by its platform. */
    public Readiness adapter(String platform, BooleanSupplier connected) {
        checks.put(platform, connected);
        return this;
    }

    /** Each check's result; a check that throws is not ready. */
    public Answer check() {
        Map<String, Boolean> results = new LinkedHashMap<>();
        checks.forEach((name, check) -> {
            boolean ok;
            try {
                ok = check.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            results.put(name, ok);
        });
        return new Answer(results);
    }

    /** The checks' results, in order. */
    public record Answer(Map<String, Boolean> results) {
        public boolean ready() {
            return results.values().stream().allMatch(Boolean::booleanValue);
        }

        /** The HTTP status a load balancer reads. */
        public int status() {
            return ready() ? 200 : 503;
        }

        /** One line per check: "database ok", "slack not ready". */
        public List<String> lines() {
            return results.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() ? " ok" : " not ready"))
                    .toList();
        }
    }
}
