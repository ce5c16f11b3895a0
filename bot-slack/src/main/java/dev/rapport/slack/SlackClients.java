package dev.rapport.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Web API clients per workspace: each call is made with the bot token of the workspace it concerns, and an answer
 * that says the token no longer works is reported to {@link SlackTokens} (which, for installed workspaces, marks the
 * installation broken) before the caller sees it.
 */
final class SlackClients {
    private final Slack slack;
    private final SlackTokens tokens;

    SlackClients(Slack slack, SlackTokens tokens) {
        this.slack = slack;
        this.tokens = tokens;
    }

    /** One Web API call. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T on(MethodsClient methods) throws IOException, SlackApiException;
    }

    /** Makes the call with the workspace's token; empty when Rapport has no token for that workspace. */
    <T extends SlackApiTextResponse> Optional<T> call(String teamId, Call<T> call)
            throws IOException, SlackApiException {
        Optional<String> token = tokens.botToken(teamId);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        T response = call.on(slack.methods(token.get()));
        if (!response.isOk() && tokens.stopsOn(response.getError())) {
            tokens.refused(teamId, response.getError());
        }
        return Optional.of(response);
    }

    /** Whether Rapport may act on the workspace now. */
    boolean installed(String teamId) {
        return tokens.botToken(teamId).isPresent();
    }

    SlackTokens tokens() {
        return tokens;
    }

    Slack slack() {
        return slack;
    }
}
