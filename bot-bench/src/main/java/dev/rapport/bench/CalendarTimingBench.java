package dev.rapport.bench;

import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.domain.User;
import dev.rapport.core.exchange.CalendarFeed;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Whether a private calendar link's answer time tells anything about a token: unknown tokens that share all but
 * their last character with a real one, against unknown tokens that share nothing, looked up through core's
 * {@link CalendarFeed} on a real SQLite file, interleaved in random order. The floor is the difference between two
 * random halves of the same kind of request, measured in the same run: a difference between the kinds no bigger than
 * that is noise.
 */
final class CalendarTimingBench {
    private static final int USERS = 1_000;
    private static final int ROUNDS = Integer.getInteger("rounds", 20_000);

    private final Path folder;

    CalendarTimingBench(Path folder) {
        this.folder = folder;
    }

    void run() throws Exception {
        Path file = folder.resolve("calendar-timing.db");
        Files.deleteIfExists(file);
        try (Database db = Database.open(file)) {
            CoreAssembly core =
                    CoreAssembly.over(Clock.systemUTC(), SqliteStorage.over(db), Optional.of("https://rapport.test"));
            CalendarFeed feed = core.calendarFeed();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                User user = core.rapport().user(Requester.of("slack", "T1", "U" + i, "User " + i));
                tokens.add(feed.newToken(user.id(), Clock.systemUTC().instant()));
            }
            SecureRandom random = new SecureRandom();
            List<String[]> requests = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                String real = tokens.get(random.nextInt(tokens.size()));
                requests.add(new String[] {"near", nearMiss(real)});
                // Made the same way as the near miss, from a random token instead of a real one.
                requests.add(new String[] {"far", nearMiss(randomToken(random, real.length()))});
            }
            // Warm up the JIT on both kinds before measuring.
            for (String[] request : requests.subList(0, Math.min(4_000, requests.size()))) {
                lookUp(feed, request[1]);
            }
            Collections.shuffle(requests, random);
            List<Long> near = new ArrayList<>();
            List<Long> far = new ArrayList<>();
            for (String[] request : requests) {
                long took = lookUp(feed, request[1]);
                (request[0].equals("near") ? near : far).add(took);
            }
            Collections.shuffle(far, random);
            double nearMedian = median(near);
            double farMedian = median(far);
            double halfA = median(far.subList(0, far.size() / 2));
            double halfB = median(far.subList(far.size() / 2, far.size()));
            System.out.printf(
                    "unknown calendar tokens, %d of each kind, interleaved: all but the last character right:"
                            + " median %.2f µs; nothing right: median %.2f µs; difference %.2f µs%n",
                    near.size(), nearMedian, farMedian, Math.abs(nearMedian - farMedian));
            System.out.printf(
                    "floor (two random halves of the nothing-right requests): difference %.2f µs%n",
                    Math.abs(halfA - halfB));
        }
    }

    private static long lookUp(CalendarFeed feed, String token) {
        long start = System.nanoTime();
        Optional<String> ics = feed.ics(token);
        long took = System.nanoTime() - start;
        if (ics.isPresent()) {
            throw new IllegalStateException("an unknown token was answered");
        }
        return took;
    }

    private static String nearMiss(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static String randomToken(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1_000.0;
    }
}
