package dev.rapport.http;

/** One path of the front: Slack's events, a health check, a calendar feed. */
@FunctionalInterface
public interface Route {
    HttpAnswer serve(HttpRequest request) throws Exception;
}
