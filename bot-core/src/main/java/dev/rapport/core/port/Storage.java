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
        Inbox inbox,
        PlatformPauses pauses,
        JobLeases jobs,
        Transactor transactor,
        // Import, export and calendar (issue 13).
        ContactEmailStore emails,
        YearlyDateStore yearlyDates,
        PendingImportStore pendingImports,
        CalendarFeedStore calendarFeeds,
        // "Did you mean": the command kept while the user picks a person (issue 11).
        PendingChoices choices,
        // Installs on many workspaces (issue 15).
        InstallationStore installations,
        InstallStateStore installStates,
        WorkspacePurge workspaces,
        // Delivery at the platform's full rate (issue 16): DM channels looked up once.
        DmChannels dmChannels,
        // One person's accounts on several platforms (issue 12).
        AccountLinks links) {}
