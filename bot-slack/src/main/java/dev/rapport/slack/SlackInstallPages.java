package dev.rapport.slack;

import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthInstallPageRenderer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;
import dev.rapport.core.install.InstallText;
import java.util.Optional;

/**
 * Core's install pages ({@link InstallText}) as HTML: the install page with its "Add to Slack" link, the page after
 * an install, and the pages for one that did not happen. Every text is escaped; the pages load nothing from anywhere.
 */
final class SlackInstallPages implements OAuthInstallPageRenderer, OAuthRedirectUriPageRenderer {
    static final String HTML = "text/html; charset=utf-8";

    /** The install page; {@code authorizeUrl} is Slack's page that asks the person to allow Rapport. */
    @Override
    public String render(String authorizeUrl) {
        return html(InstallText.addToSlack(), Optional.of(authorizeUrl));
    }

    @Override
    public String renderSuccessPage(Installer installer, String completionUrl) {
        return html(InstallText.installed(""), Optional.ofNullable(completionUrl));
    }

    @Override
    public String renderFailurePage(String installPath, String reason) {
        return html(InstallText.refused(InstallText.Refusal.FAILED), Optional.of(SlackOAuthSettings.INSTALL_PATH));
    }

    /** The page after an install, linking to the workspace in Slack. */
    Response installed(String teamName, String teamId, String appId) {
        String open = "https://slack.com/app_redirect?team=" + urlPart(teamId) + "&app=" + urlPart(appId);
        return page(200, InstallText.installed(teamName), Optional.of(open));
    }

    /** A page for an install that did not happen, linking back to the install page. */
    Response refused(int status, InstallText.Refusal why) {
        return page(status, InstallText.refused(why), Optional.of(SlackOAuthSettings.INSTALL_PATH));
    }

    private static Response page(int status, InstallText.Page page, Optional<String> link) {
        Response response = new Response();
        response.setStatusCode(status);
        response.setContentType(HTML);
        response.setBody(html(page, link));
        return response;
    }

    static String html(InstallText.Page page, Optional<String> link) {
        StringBuilder out = new StringBuilder();
        out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(escape(page.title()))
                .append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;")
                .append("color:#1d1c1d;line-height:1.5}")
                .append("a.button{display:inline-block;background:#2f3a4a;color:#fff;padding:.7rem 1.2rem;")
                .append("border-radius:.4rem;text-decoration:none;font-weight:600}")
                .append("code{background:#f4f4f4;padding:0 .2rem}")
                .append("</style></head><body>\n<h1>")
                .append(escape(page.title()))
                .append("</h1>\n<p>")
                .append(escape(page.lead()))
                .append("</p>\n");
        if (!page.steps().isEmpty()) {
            out.append("<ol>\n");
            page.steps().forEach(step -> out.append("<li>").append(escape(step)).append("</li>\n"));
            out.append("</ol>\n");
        }
        if (link.isPresent() && page.link().isPresent()) {
            out.append("<p><a class=\"button\" href=\"")
                    .append(escape(link.get()))
                    .append("\">")
                    .append(escape(page.link().get()))
                    .append("</a></p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String urlPart(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
