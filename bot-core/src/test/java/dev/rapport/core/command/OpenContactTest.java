package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Open contact" on a person: their page by linked account, else by name, else how to start one. */
@StorageSuite
class OpenContactTest {
    private static final String BEN_ID = "U000BEN";

    @TempDir
    Path folder;

    TestRapport app;
    Requester alice = TestRapport.user("alice");
    Requester bob = TestRapport.user("bob");

    @BeforeEach
    void start() {
        app = TestRapport.in(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Reply open(Requester who, String userId, Mentioned person) {
        return app.rapport.handle(OpenContactCommand.request(who, Place.none(), userId, person));
    }

    private List<Contact> contactsOf(Requester who) {
        return app.storage.contacts().all(app.rapport.user(who).id());
    }

    @Test
    void aContactLinkedToTheAccountOpensEvenUnderAnotherName() {
        // GIVEN Alice noted Ben by mentioning his account, and he has since renamed himself
        app.rapport.handle(CommandRequest.of(alice, "remember", "<@" + BEN_ID + "> moving to Lisbon")
                .withMentions(Map.of(BEN_ID, Mentioned.person("Ben Ode"))));

        // WHEN she opens the contact of that account, now called "Benji"
        Reply page = open(alice, BEN_ID, Mentioned.person("Benji"));

        // THEN it is Ben's page with what she knows
        assertThat(page.isError()).isFalse();
        assertThat(page.sections().get(0).heading()).contains("Ben Ode");
        assertThat(page.plainText()).contains("moving to Lisbon");
    }

    @Test
    void aContactNotedByNameOpensByThatNameAndIsLinkedFromThenOn() {
        // GIVEN Alice noted "Ben Ode" by name only
        app.run(alice, "/remember Ben Ode: plays chess");

        // WHEN she opens the contact of the account named Ben Ode
        Reply page = open(alice, BEN_ID, Mentioned.person("Ben Ode"));

        // THEN it is his page, and the contact now belongs to that account
        assertThat(page.sections().get(0).heading()).contains("Ben Ode");
        assertThat(page.plainText()).contains("plays chess");
        assertThat(contactsOf(alice))
                .singleElement()
                .satisfies(c -> assertThat(c.platformUserId()).contains(BEN_ID));
    }

    @Test
    void someoneWithNoPageIsOfferedAStartAndNothingIsCreated() {
        // GIVEN Bob has a page for Ben; Alice has none
        app.run(bob, "/remember Ben Ode: Bob's private note");

        // WHEN Alice opens Ben's contact
        Reply reply = open(alice, BEN_ID, Mentioned.person("Ben Ode"));

        // THEN she is told how to start one, sees nothing of Bob's, and no contact was made
        assertThat(reply.isError()).isFalse();
        assertThat(reply.plainText())
                .startsWith("You have no page for @Ben Ode yet.")
                .contains("/remember")
                .doesNotContain("Bob's private note");
        assertThat(contactsOf(alice)).isEmpty();
    }

    @Test
    void aBotHasNoPage() {
        Reply reply = open(alice, "B0T", new Mentioned("Rapport", true));

        assertThat(reply.plainText()).isEqualTo("Rapport is a bot: Rapport keeps pages about people.");
        assertThat(contactsOf(alice)).isEmpty();
    }

    @Test
    void textThatNamesNoPersonIsRefused() {
        Reply reply = app.rapport.handle(CommandRequest.of(alice, OpenContactCommand.NAME, "marc"));

        assertThat(reply.isError()).isTrue();
        assertThat(reply.plainText()).contains("on someone's name");
    }
}
