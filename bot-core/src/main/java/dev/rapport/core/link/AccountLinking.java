package dev.rapport.core.link;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.AccountLinks;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person on several platforms (issue 12): {@code /settings link} makes a one-time code, {@code /settings link
 * <code>} on the other account joins that account to the one that made the code (the primary, which keeps the
 * circle, the settings and the digest), {@code /settings digest on slack|discord|here} says where the one digest
 * goes, and {@code /settings unlink} parts them again: everything stays with the primary, the other account starts
 * empty. The account that enters the code must keep nobody of its own, so that linking never hides anything.
 */
public final class AccountLinking {
    public static final Duration CODE_LIFE = Duration.ofMinutes(10);
    public static final int MAX_WRONG_CODES = 5;
    public static final Duration WRONG_CODE_WINDOW = Duration.ofMinutes(10);

    /** "on discord", "to slack", "here": where the digest goes, after {@code /settings digest}. */
    private static final Pattern PLACE =
            Pattern.compile("(?iu)(?:(?:on|to|via|in)\\s+)?(slack|discord|(?:the\\s+)?console|here|this account)");

    private static final String LINK_EXAMPLE = "/settings link ABCD-EFGH";
    private static final String CONSOLE = "console";

    private final UserStore users;
    private final ContactStore contacts;
    private final AccountLinks links;
    private final LinkCodes codes = new LinkCodes();

    public AccountLinking(UserStore users, ContactStore contacts, AccountLinks links) {
        this.users = users;
        this.contacts = contacts;
        this.links = links;
    }

    /** The reply for link, unlink or a digest place; empty for any other setting. */
    public Optional<Reply> handle(Invocation invocation, String key, String value) {
        return switch (key) {
            case "link" -> Optional.of(value.isEmpty() ? newCode(invocation) : enter(invocation, value));
            case "unlink" -> Optional.of(unlink(invocation));
            case "digest", "time" -> {
                Matcher place = PLACE.matcher(value);
                yield place.matches() ? Optional.of(digestTo(invocation, place.group(1))) : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** The settings table's line: the accounts that share this circle and where the digest goes. */
    public Section.Field field(Invocation invocation) {
        List<User> accounts = accounts(invocation.user());
        if (accounts.size() < 2) {
            return new Section.Field("Linked accounts", "none");
        }
        User digest = digestAccount(invocation.user());
        return new Section.Field(
                "Linked accounts",
                accounts.stream()
                        .map(a -> platform(a) + (a.id() == digest.id() ? " (digest here)" : ""))
                        .collect(Collectors.joining(", ")));
    }

    private Reply newCode(Invocation invocation) {
        String code = codes.next();
        links.saveCode(
                LinkCodes.hash(code), invocation.userId(), invocation.now().plus(CODE_LIFE), invocation.now());
        String shown = LinkCodes.shown(code);
        return Reply.text("Your link code: " + shown + ". Within " + CODE_LIFE.toMinutes()
                + " minutes, type /settings link " + shown
                + " on your other account (Slack, Discord or the console); it works once.");
    }

    private Reply enter(Invocation invocation, String typed) {
        User account = account(invocation);
        Instant now = invocation.now();
        List<Instant> wrong = links.failedAttempts(account.id(), now.minus(WRONG_CODE_WINDOW));
        if (wrong.size() >= MAX_WRONG_CODES) {
            Instant again = wrong.get(wrong.size() - MAX_WRONG_CODES).plus(WRONG_CODE_WINDOW);
            long minutes = Math.max(1, (Duration.between(now, again).toSeconds() + 59) / 60);
            return Reply.error("Too many wrong codes from this account: try again in "
                    + Wording.count((int) minutes, "minute", "minutes") + ". Nothing was linked.");
        }
        Optional<String> code = LinkCodes.normalized(typed);
        Optional<AccountLinks.Code> found = code.flatMap(c -> links.code(LinkCodes.hash(c)));
        if (found.isEmpty()) {
            return refused(
                    account,
                    now,
                    "That code isn't right: check it against the one /settings link showed on your other account.",
                    LINK_EXAMPLE);
        }
        if (found.get().usedAt().isPresent()) {
            return refused(
                    account,
                    now,
                    "That code was used already; a code links once. Make a new one with /settings link on your"
                            + " other account.",
                    "");
        }
        if (!now.isBefore(found.get().expiresAt())) {
            return refused(
                    account,
                    now,
                    "That code has expired (codes last " + CODE_LIFE.toMinutes()
                            + " minutes). Make a new one with /settings link on your other account.",
                    "");
        }
        long primaryId =
                links.primaryOf(found.get().userId()).orElse(found.get().userId());
        if (primaryId == invocation.userId()) {
            return Reply.error(
                    account.id() == primaryId
                            ? "That code is this account's own: enter it on your other account. Nothing was linked."
                            : "This account is linked to that one already.");
        }
        if (links.primaryOf(account.id()).isPresent()) {
            return Reply.error(
                    "This account is linked to another already: /settings unlink it first. Nothing was" + " linked.");
        }
        String instead = " Make the code here instead (/settings link) and enter it on your other account.";
        if (!links.linkedTo(account.id()).isEmpty()) {
            return Reply.error("Other accounts are linked to this one." + instead);
        }
        int kept = contacts.all(account.id()).size();
        if (kept > 0) {
            return Reply.error("This account keeps " + Wording.people(kept)
                    + " of its own, and joining the other account's circle would hide them." + instead);
        }
        if (!links.useCode(LinkCodes.hash(code.get()), now)) {
            return refused(account, now, "That code was used already; a code links once.", "");
        }
        links.link(account.id(), primaryId, now);
        User primary = users.byId(primaryId).orElseThrow();
        // The console sends no digests: the account that can receive one takes it.
        boolean digestHere =
                platformOf(primary).equals(CONSOLE) && !platformOf(account).equals(CONSOLE);
        if (digestHere) {
            links.digestTo(primaryId, Optional.of(account.id()));
        }
        String there = platform(primary);
        String here = platform(account);
        return Reply.text("Linked: this " + here + " account and your " + there
                + " account now share one circle, one digest and one export. The digest goes to "
                + (digestHere ? here : there + " (/settings digest here sends it to " + here + " instead)")
                + "; /settings unlink undoes the link.");
    }

    /**
     * A code refused: the try is counted against the account, so this answer is not an error reply, whose writes
     * would roll back; nothing else changes.
     */
    private Reply refused(User account, Instant now, String reason, String example) {
        links.failedAttempt(account.id(), now, now.minus(WRONG_CODE_WINDOW.multipliedBy(6)));
        Reply error = Reply.error(reason, example);
        return new Reply(error.sections(), List.of(), error.visibility(), error.attachment(), false);
    }

    private Reply unlink(Invocation invocation) {
        User account = account(invocation);
        Optional<Long> primary = links.primaryOf(account.id());
        if (primary.isPresent()) {
            links.unlink(account.id());
            String there =
                    users.byId(primary.get()).map(AccountLinking::platform).orElse("other");
            return Reply.text("Unlinked: this " + platform(account)
                    + " account starts again with an empty circle of its own; your people, notes and follow-ups"
                    + " stay with your " + there + " account, and so does the digest.");
        }
        List<AccountLinks.Linked> linked = links.linkedTo(account.id());
        if (linked.isEmpty()) {
            return Reply.error(
                    "This account isn't linked to another; /settings link makes a code to link one.", "/settings link");
        }
        List<String> names = new ArrayList<>();
        for (AccountLinks.Linked other : linked) {
            links.unlink(other.accountId());
            users.byId(other.accountId()).map(AccountLinking::platform).ifPresent(names::add);
        }
        return Reply.text("Unlinked your " + String.join(" and ", names) + " account"
                + (names.size() == 1 ? "" : "s")
                + ": it starts again with an empty circle; your people, notes and follow-ups stay here, and the"
                + " digest comes here.");
    }

    private Reply digestTo(Invocation invocation, String place) {
        User primary = invocation.user();
        List<User> accounts = accounts(primary);
        String wanted = place.toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "");
        if (accounts.size() < 2) {
            return Reply.error(
                    "Your digest comes to this account; link another with /settings link to send it there.",
                    "/settings link");
        }
        User here = account(invocation);
        Optional<User> chosen = wanted.equals("here") || wanted.equals("this account")
                ? Optional.of(here)
                : platformOf(here).equals(wanted)
                        ? Optional.of(here)
                        : accounts.stream()
                                .filter(a -> platformOf(a).equals(wanted))
                                .findFirst();
        if (chosen.isEmpty()) {
            return Reply.error(
                    "None of your linked accounts is on " + platformName(wanted) + ": they are "
                            + accounts.stream().map(AccountLinking::platform).collect(Collectors.joining(" and "))
                            + ".",
                    "/settings digest on " + platformOf(here));
        }
        if (platformOf(chosen.get()).equals(CONSOLE)) {
            return Reply.error(
                    "The console sends no digests: it only answers what you type. Choose Slack or" + " Discord.");
        }
        User was = digestAccount(primary);
        links.digestTo(
                primary.id(),
                chosen.get().id() == primary.id()
                        ? Optional.empty()
                        : Optional.of(chosen.get().id()));
        // A new place may well be reachable where the old one was not.
        if (primary.unreachableReason().isPresent() && was.id() != chosen.get().id()) {
            users.markUnreachable(primary.id(), Optional.empty());
        }
        String now = platform(chosen.get());
        String before = platform(was);
        return Reply.text("Digest goes to: " + now + (now.equals(before) ? " (unchanged)." : " (was " + before + ")."));
    }

    /** The account the request came from, which {@link Invocation#user()} (the primary) may not be. */
    private User account(Invocation invocation) {
        return users.find(invocation.from().key()).orElse(invocation.user());
    }

    /** The primary first, then its linked accounts. */
    private List<User> accounts(User primary) {
        List<User> all = new ArrayList<>();
        all.add(primary);
        links.linkedTo(primary.id()).forEach(l -> users.byId(l.accountId()).ifPresent(all::add));
        return all;
    }

    private User digestAccount(User primary) {
        return links.linkedTo(primary.id()).stream()
                .filter(AccountLinks.Linked::digestHere)
                .findFirst()
                .flatMap(l -> users.byId(l.accountId()))
                .orElse(primary);
    }

    private static String platformOf(User user) {
        return user.key().platform().toLowerCase(Locale.ROOT);
    }

    private static String platform(User user) {
        return platformName(platformOf(user));
    }

    private static String platformName(String platform) {
        return switch (platform) {
            case "slack" -> "Slack";
            case "discord" -> "Discord";
            case CONSOLE -> "console";
            default -> platform;
        };
    }
}
