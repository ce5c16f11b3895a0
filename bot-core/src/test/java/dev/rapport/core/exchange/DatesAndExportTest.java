package dev.rapport.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.Upload;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Yearly dates from /remember and in the digest, suggested follow-ups, and /export's formats on a real store. */
@StorageSuite
class DatesAndExportTest {
    @TempDir
    Path folder;

    TestRapport app;
    Requester alice = TestRapport.user("alice");
    Requester bob = TestRapport.user("bob");

    @BeforeEach
    void start() {
        // Wednesday 25 November 2026, 10:00 UTC.
        app = TestRapport.in(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    String say(Requester who, String line) {
        return app.text(who, line);
    }

    Contact contact(Requester who, String name) {
        User user = app.rapport.user(who);
        return app.storage.contacts().all(user.id()).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void rememberBirthdayStoresAYearlyDateOnTheKnownPersonNotANewName() {
        say(alice, "/remember Marc Kelly: sails");

        String reply = say(alice, "/remember marc birthday: 12 March");
        say(alice, "/remember marc's anniversary is June 3rd 2015");

        assertThat(reply).contains("Saved Marc Kelly's birthday, 12 March. Next: Fri 12 Mar 2027");
        Contact marc = contact(alice, "Marc Kelly");
        assertThat(app.storage.yearlyDates().forContact(marc.ownerId(), marc.id()))
                .extracting(YearlyDate::label, YearlyDate::day, YearlyDate::year)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("anniversary", MonthDay.of(6, 3), Optional.of(2015)),
                        org.assertj.core.groups.Tuple.tuple("birthday", MonthDay.of(3, 12), Optional.empty()));
        assertThat(app.storage.contacts().all(marc.ownerId())).hasSize(1);
        assertThat(app.storage.notes().forContact(marc.ownerId(), marc.id())).hasSize(1);
    }

    @Test
    void theContactPageShowsEachYearlyDateWithItsNextDayAndOnlyTheOwners() {
        say(alice, "/remember Lena Park: climbs");
        say(alice, "/remember lena birthday: 9 January 1988");
        say(alice, "/remember lena's anniversary is 30 August");
        say(bob, "/remember Lena Park birthday: 1 May");

        assertThat(say(alice, "/contact lena"))
                .contains("Dates")
                .contains("anniversary, 30 August (next")
                .contains("birthday, 9 January 1988 (next")
                .doesNotContain("1 May");
        assertThat(say(bob, "/contact lena")).contains("birthday, 1 May (next").doesNotContain("January");
        say(alice, "/remember Omar Haddad: new job");
        assertThat(say(alice, "/contact omar")).doesNotContain("Dates");
    }

    @Test
    void aBirthdayForSomeoneNewCreatesThemAndABadDateWritesNothing() {
        assertThat(say(alice, "/remember Ana Lima birthday: 2 Feb 1990"))
                .contains("Ana Lima's birthday, 2 February 1990");
        Reply bad = app.run(alice, "/remember Rui Costa birthday: 31 February");

        assertThat(bad.isError()).isTrue();
        assertThat(bad.plainText()).contains("couldn't read “31 February” as a day of the year");
        assertThat(app.storage.contacts().all(app.rapport.user(alice).id()))
                .extracting(Contact::name)
                .containsExactly("Ana Lima");
    }

    @Test
    void aBirthdayComesUpOnTheDayWithContextAndTheChosenDaysBefore() {
        say(alice, "/remember Marc Kelly: moving to Lisbon");
        say(alice, "/remember marc birthday: 28 November 1990");

        assertThat(say(alice, "/today")).doesNotContain("Marc");
        assertThat(say(alice, "/settings birthdays 3 days before")).contains("3 days before");
        assertThat(say(alice, "/today"))
                .contains("Marc Kelly")
                .contains("Birthday in 3 days (Sat 28 Nov) — turns 36")
                .contains("moving to Lisbon");
        app.clock.advance(Duration.ofDays(3));
        assertThat(say(alice, "/today")).contains("Birthday today — turns 36");
        app.clock.advance(Duration.ofDays(1));
        assertThat(say(alice, "/today")).doesNotContain("Marc");
        assertThat(say(bob, "/today")).doesNotContain("Marc");
    }

    @Test
    void yearlyDatesCountTowardsTheDigestCap() {
        for (String name : List.of("Ann", "Ben", "Cai", "Dee")) {
            say(alice, "/remember " + name + " Smith birthday: 25 November");
        }
        say(alice, "/settings max 2");

        String today = say(alice, "/today");

        long shown = List.of("Ann", "Ben", "Cai", "Dee").stream()
                .filter(today::contains)
                .count();
        assertThat(shown).isEqualTo(2);
        assertThat(today).contains("2 more");
    }

    @Test
    void aNoteNamingAComingDateOffersAFollowUpAndNeverSetsOne() {
        Reply reply = app.run(alice, "/remember Marc Kelly: moving to Lisbon in May");
        Button offer = reply.allButtons().get(0);

        assertThat(offer.label()).isEqualTo("Follow up on Sat 1 May?");
        Contact marc = contact(alice, "Marc Kelly");
        assertThat(app.storage.followUps().open(marc.ownerId(), marc.id())).isEmpty();

        assertThat(app.press(alice, offer.actionId()).plainText()).contains("on Sat 1 May 2027");
        assertThat(app.storage.followUps().open(marc.ownerId(), marc.id()))
                .hasValueSatisfying(f -> assertThat(f.dueOn()).isEqualTo(java.time.LocalDate.of(2027, 5, 1)));
        assertThat(app.press(bob, offer.actionId()).plainText()).contains("no longer exists");
    }

    @Test
    void suggestionsUseTheUsersZoneAndTheTimeGrammar() {
        // 10:00 UTC on Wed 25 Nov is already Thursday 26 Nov in Auckland, so "next friday" (the Friday of next week,
        // the time grammar's rule) is Fri 4 Dec there.
        Requester kiwi = TestRapport.user("kiwi").withZone(ZoneId.of("Pacific/Auckland"));
        Reply reply = app.run(kiwi, "/remember Tane: back from Japan next friday, ask about the trip");
        Reply none = app.run(kiwi, "/remember Tane: loves sailing, may visit");

        assertThat(reply.allButtons().get(0).label()).isEqualTo("Follow up on Fri 4 Dec?");
        assertThat(none.allButtons()).extracting(Button::label).noneMatch(l -> l.startsWith("Follow up on "));
        assertThat(NoteDates.firstDate(
                        "started there on 2026-01-10, leaves on 3 Dec", java.time.LocalDate.of(2026, 11, 25)))
                .contains(java.time.LocalDate.of(2026, 12, 3));
        assertThat(NoteDates.firstDate("met today at the mixer", java.time.LocalDate.of(2026, 11, 25)))
                .isEmpty();
    }

    @Test
    void vcardExportImportsIntoAnEmptyAccountWithEveryPersonNoteAndDate() {
        app.press(
                alice,
                ImportTest.confirm(app.rapport.upload(
                                CommandRequest.of(alice, "import", ""),
                                new Upload("phone.vcf", Fixtures.bytes("phone.vcf"))))
                        .actionId());
        say(alice, "/remember marc ask: how is Lisbon?");
        say(alice, "/remember Priya Raman anniversary: 1 June");

        Reply export = app.run(alice, "/export vcard");
        String vcard = export.attachment().orElseThrow().content();
        Reply preview = app.rapport.upload(
                CommandRequest.of(bob, "import", ""),
                new Upload("rapport.vcf", vcard.getBytes(StandardCharsets.UTF_8)));
        app.press(bob, ImportTest.confirm(preview).actionId());

        assertThat(export.attachment().get().fileName()).isEqualTo("rapport-contacts-2026-11-25.vcf");
        assertThat(vcard).contains("VERSION:4.0").contains("NOTE:how is Lisbon?");
        assertThat(summary(bob)).isEqualTo(summary(alice));
    }

    @Test
    void csvAndCalendarExportsAndAnUnknownFormat() {
        say(alice, "/remember Marc Kelly: moving to Lisbon");
        say(alice, "/remember marc birthday: 12 March");
        say(alice, "/followup marc next friday about the flat");

        Reply csv = app.run(alice, "/export csv");
        Reply ics = app.run(alice, "/export calendar");
        Reply json = app.run(alice, "/export");
        Reply bad = app.run(alice, "/export pdf");

        assertThat(csv.attachment().orElseThrow().content())
                .startsWith("name,email,birthday")
                .contains("Marc Kelly,,--03-12");
        assertThat(ics.attachment().orElseThrow().mediaType()).isEqualTo("text/calendar");
        assertThat(ics.attachment().get().content())
                .contains("SUMMARY:Follow up with Marc Kelly — the flat")
                .contains("SUMMARY:Marc Kelly's birthday")
                .contains("DESCRIPTION:Last noted: moving to Lisbon");
        assertThat(json.plainText()).contains("/export vcard").contains("/export calendar");
        assertThat(json.attachment().orElseThrow().fileName()).endsWith(".json");
        assertThat(bad.isError()).isTrue();
    }

    /** Each person with their sorted notes and dates, as one comparable text. */
    String summary(Requester who) {
        long owner = app.rapport.user(who).id();
        return app.storage.contacts().all(owner).stream()
                .map(c -> c.name() + " | "
                        + app.storage.notes().forContact(owner, c.id()).stream()
                                .map(Note::body)
                                .sorted()
                                .collect(Collectors.joining(" / "))
                        + " | "
                        + app.storage.yearlyDates().forContact(owner, c.id()).stream()
                                .map(YearlyDate::describe)
                                .collect(Collectors.joining(" / ")))
                .collect(Collectors.joining("\n"));
    }
}
