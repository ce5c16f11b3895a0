package dev.rapport.core.command;

import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;

/** /help: every command with an example, how to fix a mistake, each setting, and how people and dates are named. */
public final class HelpCommand implements CommandHandler {
    static final String USAGE = String.join(
            "\n",
            "/remember <who> <note> — save what you learned. #words are tags; “ask: …” is a question for next time.",
            "   /remember Marc Kelly: met at the SYPE mixer, moving to Lisbon #sailing",
            "   /remember marc ask: how did the move go?",
            "/followup <who> <when> [about <reason>] — schedule a follow-up, or a rhythm with “every …”.",
            "   /followup marc next friday about the job offer",
            "   /followup marc every 3 weeks",
            "/followup list — overdue and upcoming follow-ups, and lapsed rhythms.",
            "/followup done <who> [what happened] — log contact (start with “they …” if they reached out).",
            "/followup snooze <who> <when> [reason] — move a follow-up; the reason becomes a note.",
            "/followup cancel <who> — drop the follow-up and the rhythm.",
            "/contact <who> — what you know, open questions, last and next contact; notes are numbered.",
            "/circle — your people, who needs attention first.",
            "/today — what today's digest holds.",
            "/settings — your time zone, digest time and days, pauses (below).",
            "/intro @a @b <why> — in a team channel: introduce two people; anyone can keep what was said.",
            "   /intro @Ana @Marc you both sail and are moving to Lisbon",
            "/intro rounds on [every 2 weeks] [revisit] | off | now — pair the channel regularly (channel managers).",
            "/intro rounds status | skip | join | leave — see the rounds, sit one out, take part or opt out.",
            "/forget <who> — delete a person and everything about them.",
            "/export — everything Rapport holds, as JSON.");

    /** Fixing a mistake about a person, in the forms /contact reads. */
    static final String FIXES = String.join(
            "\n",
            "/contact <who> rename <new name> — the same person under a new name; everything stays.",
            "/contact <who> merge into <other> — two contacts made one: notes, follow-ups and history kept.",
            "/contact <who> delete note <n> | edit note <n> <new text> — fix one note, numbered as /contact shows"
                    + " it (/remember's Undo and Edit buttons do it too).",
            "/contact <who> answered note <n> [answer] | they reached out | i reached out — record what happened.",
            "   /contact marc rename Marc Kelly-Smith",
            "   /contact mkelly merge into marc",
            "   /contact marc edit note 2 moving to Lisbon in May");

    /** Each setting in the forms /settings reads. */
    static final String SETTINGS = String.join(
            "\n",
            "/settings alone shows them all; a change answers with the one line it changed.",
            "/settings timezone Berlin — a city, an Area/City name (europe/berlin) or UTC;"
                    + " EST or +02:00 get places to pick.",
            "/settings digest 8am | 8:30pm | noon | 20:15 — when the digest comes.",
            "/settings days weekdays | weekends | every day | mon,wed,fri — which days it comes.",
            "/settings pause for 2 weeks | pause until 3 Jan | resume — no digests for a while.",
            "/settings max 5 | about climbing, Rust — how many people a digest holds; what pairing partners may"
                    + " ask you about.",
            "/settings link — a one-time code; /settings link <code> on your other platform shares one circle"
                    + " and digest. /settings digest here | unlink.");

    /** How people and dates are named in every command. */
    static final String WORDS = String.join(
            "\n",
            "Naming people: @mention, \"Quoted Name\", a name you already use (“marc” for Marc Kelly),"
                    + " or “New Name:” for someone new.",
            "Dates: today, tomorrow, in 3 days, in a fortnight, this week, next week, end of month, friday, 1 Dec, 2026-12-01, every 2 weeks, monthly.",
            "“friday” (or “this friday”) is the coming Friday; “next friday” is the Friday of next week (weeks start on Monday).");

    @Override
    public String name() {
        return "help";
    }

    @Override
    public Reply handle(Invocation invocation) {
        return Reply.of(
                Section.titled("Rapport — a small circle, a mile deep", USAGE),
                Section.titled("Fixing a mistake", FIXES),
                Section.titled("Settings", SETTINGS),
                Section.of(WORDS));
    }
}
