package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private calendar feed through its route, on a real SQLite file: the owner's events only, misses all 404. */
class CalendarRouteTest {
    private static final Pattern LINK =
            Pattern.compile("https://rapport\\.example\\.org(/calendar/[A-Za-z0-9_-]+\\.ics)");

    @TempDir
    Path folder;

    Database db;
    Rapport rapport;
    CalendarRoute route;
    Requester alice = Requester.of("console", "local", "alice", "alice").withZone(ZoneId.of("Europe/Lisbon"));
    Requester bob = Requester.of("console", "local", "bob", "bob").withZone(ZoneId.of("UTC"));

    @BeforeEach
    void start() {
        db = Database.open(folder.resolve("rapport.db"));
        CoreAssembly core = CoreAssembly.over(
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
                SqliteStorage.over(db),
                Optional.of("https://rapport.example.org/"));
        rapport = core.rapport();
        route = new CalendarRoute(core.calendarFeed());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    String say(Requester who, String command, String text) {
        return rapport.handle(CommandRequest.of(who, command, text)).plainText();
    }

    String link(String reply) {
        Matcher m = LINK.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group(1);
    }

    @Test
    void theLinkServesTheOwnersFollowUpsRhythmsAndBirthdaysWithTheirContext() {
        say(alice, "remember", "Marc Kelly: moving to Lisbon in May");
        say(alice, "followup", "marc in a week about the flat");
        say(alice, "remember", "Priya Raman: training for the half marathon");
        say(alice, "followup", "priya every 3 weeks");
        say(alice, "remember", "priya birthday: 21 September");
        say(bob, "remember", "Zed Secret: bob's private note");
        say(bob, "followup", "zed tomorrow");

        String path = link(say(alice, "settings", "calendar"));
        CalendarRoute.Response response = route.handle("GET", path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar");
        String ics = response.body().replace("\r\n ", "");
        assertThat(ics)
                .startsWith("BEGIN:VCALENDAR")
                .contains("SUMMARY:Follow up with Marc Kelly — the flat")
                .contains("DESCRIPTION:Last noted: moving to Lisbon in May")
                .contains("DTSTART;VALUE=DATE:20261202")
                .contains("SUMMARY:Keep in touch with Priya Raman (every 3 weeks)")
                .contains("SUMMARY:Priya Raman's birthday")
                .contains("DTSTART;VALUE=DATE:20270921")
                .contains("RRULE:FREQ=YEARLY")
                .doesNotContain("Zed")
                .doesNotContain("bob's");
    }

    @Test
    void unknownMalformedAndRevokedTokensAllGetTheSame404() {
        say(alice, "remember", "Marc Kelly: sails");
        String first = link(say(alice, "settings", "calendar"));
        assertThat(say(alice, "settings", "calendar"))
                .contains("link is active")
                .doesNotContain("/calendar/");
        String second = link(say(alice, "settings", "calendar reset"));

        assertThat(route.handle("GET", first).status()).isEqualTo(404);
        assertThat(route.handle("GET", second).status()).isEqualTo(200);
        String sameShape = "/calendar/" + "A".repeat(43) + ".ics";
        for (String path : new String[] {
            sameShape,
            "/calendar/.ics",
            "/calendar/x.ics",
            "/calendar/../x.ics",
            second.replace(".ics", ""),
            second + "/more",
            "/other"
        }) {
            CalendarRoute.Response response = route.handle("GET", path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).isEqualTo("Not found\n");
        }
        assertThat(route.handle("POST", second).status()).isEqualTo(405);
        assertThat(say(alice, "settings", "calendar off")).contains("revoked");
        assertThat(route.handle("GET", second).status()).isEqualTo(404);
        assertThat(URI.create("https://rapport.example.org" + second).getPath()).isEqualTo(second);
    }

    @Test
    void withoutAPublicAddressTheSettingPointsToTheFileExport() {
        CoreAssembly local = CoreAssembly.over(Clock.systemUTC(), SqliteStorage.over(db));
        String reply = local.rapport()
                .handle(CommandRequest.of(alice, "settings", "calendar"))
                .plainText();

        assertThat(reply).contains("RAPPORT_PUBLIC_URL").contains("/export calendar");
    }
}
