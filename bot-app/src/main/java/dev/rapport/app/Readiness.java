package dev.rapport.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether this instance should get traffic: each check names a part (the database, each configured adapter) and says
 * what is wrong with it now, if anything. A load balancer routes around an instance that is not ready.
 */
public final class Readiness {
    /** One part: its name and what is wrong with it now, if anything. */
    public record Check(String name, Supplier<Optional<String>> problem) {}

    /** The answer: ready when no check has a problem, with one line per check either way. */
    public record Answer(boolean ready, List<String> lines) {
        public String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    private final List<Check> checks = new ArrayList<>();

    public Readiness with(String name, Supplier<Optional<String>> problem) {
        checks.add(new Check(name, problem));
        return this;
    }

    public Answer answer() {
        boolean ready = true;
        List<String> lines = new ArrayList<>();
        for (Check check : checks) {
            Optional<String> problem;
            try {
                problem = check.problem().get();
            } catch (RuntimeException e) {
                problem = Optional.of("its check failed: " + e.getClass().getSimpleName());
            }
            ready &= problem.isEmpty();
            lines.add(check.name() + ": " + problem.map(p -> "not ready, " + p).orElse("ok"));
        }
        return new Answer(ready, lines);
    }
}
