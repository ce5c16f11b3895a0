package dev.rapport.core.port;

/** Every store core needs, handed out by one object: a store module builds it, the composition root passes it on. */
public record Storage(
        UserStore users,
        ContactStore contacts,
        NoteStore notes,
        FollowUpStore followUps,
        IntroStore intros,
        RoundStore rounds,
        RoundOutbox roundOutbox,
        DigestOutbox digestOutbox,
        DigestReads digestReads,
        PlatformPauses pauses,
        JobLeases jobs,
        Transactor transactor) {}
