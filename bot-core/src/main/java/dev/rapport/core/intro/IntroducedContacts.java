package dev.rapport.core.intro;

import dev.rapport.core.api.Arrival;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.IntroStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.reply.Section;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When someone who was introduced uses Rapport (the first time, or next time if they already did), the other
 * person of each intro becomes their contact, "introduced by …", with the introducer's words as an intro note. No
 * one is messaged for an intro they did not ask for; each intro is found once.
 */
public final class IntroducedContacts implements Arrival {
    private final IntroStore intros;
    private final NoteStore notes;
    private final IntroContacts contacts;

    public IntroducedContacts(IntroStore intros, NoteStore notes, IntroContacts contacts) {
        this.intros = intros;
        this.notes = notes;
        this.contacts = contacts;
    }

    @Override
    public List<Section> arrived(User user, boolean firstTime, Instant now) {
        String me = user.key().platformUserId();
        List<Section> told = new ArrayList<>();
        for (Intro intro : intros.waitingFor(user.key())) {
            Person partner = intro.partnerOf(me).orElseThrow();
            LocalDate introduced =
                    LocalDate.ofInstant(intro.createdAt(), user.settings().zone());
            String howMet = "introduced by " + intro.introducerName() + " on " + IntroText.day(introduced);
            Contact contact = contacts.findOrCreate(user.id(), partner, howMet, now);
            notes.add(
                    user.id(),
                    contact.id(),
                    NoteKind.INTRO,
                    IntroText.fitNote(intro.introducerName() + " introduced you: " + intro.why()),
                    List.of(),
                    now);
            intros.markFound(intro.id(), me, now);
            told.add(Section.of(intro.introducerName() + " introduced you to " + partner.name() + ", so "
                    + contact.name() + " is in your contacts now: /contact " + contact.reference()));
        }
        return told;
    }
}
