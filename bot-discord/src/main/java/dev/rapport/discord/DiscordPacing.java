package dev.rapport.discord;

import dev.rapport.core.delivery.Pacer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Spends the bot's global REST budget (Discord allows a bot 50 requests a second across all routes) on Rapport's side,
 * so that Discord's global limit is never hit. JDA keeps to each route's bucket from the headers, but learns of the
 * global limit only from a 429, and then stops every route for whole seconds; so every HTTP request JDA makes, its
 * own retries included, first takes a token here. Interaction answers are not held: the global limit does not cover
 * them, and a person is waiting. A global 429 that comes anyway (another process on the same token) holds the budget
 * for exactly its {@code retry_after}.
 */
public final class DiscordPacing implements Interceptor {
    /** Discord's global limit for a bot. */
    public static final double GLOBAL_PER_SECOND = 50;

    static final String LANE = "discord:global";

    private final Pacer pacer;

    /**
     * The pacer of a {@code perSecond} budget that saves at most a tenth of a second's worth after a quiet spell:
     * requests still in flight when Discord's own bucket is full would otherwise overdraw it, and a second's window
     * never sees much more than the limit.
     */
    public DiscordPacing(double perSecond, Clock clock, Pacer.Waiter waiter) {
        Pacer.Budget budget = new Pacer.Budget(perSecond, Math.max(1, (int) Math.floor(perSecond / 10)));
        this.pacer = new Pacer(clock, waiter, lane -> budget);
    }

    public DiscordPacing(double perSecond, Clock clock) {
        this(perSecond, clock, Pacer.Waiter.SLEEP);
    }

    /** An HTTP client for JDA whose every request is paced (one client for all shards: the limit is the bot's). */
    public OkHttpClient client() {
        // The pool and dispatcher of JDA's own default client, with the pacing added.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(25);
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
                .dispatcher(dispatcher)
                .addInterceptor(this)
                .build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (interaction(chain.request().url().encodedPath())) {
            return chain.proceed(chain.request());
        }
        try {
            pacer.acquire(LANE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Stopped while waiting for Discord's rate limit");
        }
        Response response = chain.proceed(chain.request());
        if (response.code() == 429 && response.header(RestRateLimiter.GLOBAL_HEADER) != null) {
            pacer.pauseFor(LANE, retryAfter(response));
        }
        return response;
    }

    /** Interaction callbacks and the interaction webhook (its follow-ups and edits), which the global limit exempts. */
    private static boolean interaction(String path) {
        return path.contains("/interactions/") || path.contains("/webhooks/");
    }

    /** The body's {@code retry_after} (seconds, with decimals), else the whole seconds of the header. */
    private static Duration retryAfter(Response response) {
        try {
            double seconds =
                    DataObject.fromJson(response.peekBody(4096).string()).getDouble("retry_after");
            return Duration.ofNanos((long) (seconds * 1e9));
        } catch (IOException | RuntimeException e) {
            String header = response.header(RestRateLimiter.RETRY_AFTER_HEADER, "1");
            try {
                return Duration.ofSeconds(Long.parseLong(header.strip()));
            } catch (NumberFormatException notWhole) {
                return Duration.ofSeconds(1);
            }
        }
    }
}
