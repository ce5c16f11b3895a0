package dev.rapport.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthStateService;
import dev.rapport.core.install.InstallStates;
import java.util.List;

/**
 * Bolt's OAuth state service over core's install states (kept by hash in the database, so any instance may finish
 * an install): the state goes to the browser in a cookie that only our paths see and that lives as long as the state,
 * and the callback must bring the same state back in its query and its cookie.
 */
final class SlackInstallStates implements OAuthStateService {
    static final String COOKIE = "rapport-slack-install";

    private final InstallStates states;

    SlackInstallStates(InstallStates states) {
        this.states = states;
    }

    @Override
    public String getSessionCookieName() {
        return COOKIE;
    }

    @Override
    public long getExpirationInSeconds() {
        return InstallStates.LIFETIME.toSeconds();
    }

    @Override
    public String issueNewState(Request request, Response response) {
        String state = states.issue();
        // Lax: Slack's redirect back is a top-level navigation from slack.com, which a Strict cookie would miss.
        response.getHeaders()
                .put(
                        "Set-Cookie",
                        List.of(COOKIE + "=" + state + "; Secure; HttpOnly; SameSite=Lax; Path=/slack/; Max-Age="
                                + getExpirationInSeconds()));
        return state;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        throw new UnsupportedOperationException("States are issued by issueNewState");
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return states.valid(state);
    }

    @Override
    public void consume(Request request, Response response) {
        states.consume(extractStateFromQueryString(request));
        response.getHeaders()
                .put(
                        "Set-Cookie",
                        List.of(COOKIE + "=deleted; Secure; HttpOnly; SameSite=Lax; Path=/slack/; Max-Age=0"));
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        states.consume(state);
    }
}
