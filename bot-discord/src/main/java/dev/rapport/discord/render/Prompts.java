package dev.rapport.discord.render;

import dev.rapport.core.command.Button;
import dev.rapport.core.command.Prompt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Buttons that ask for text first. Their custom id is the core action id behind a {@value #MARKER}, so a click
 * opens a modal instead of acting. The prompt's wording is remembered when the button is drawn; a click on an
 * older message (after a restart) gets the fallback for its kind of button.
 */
public final class Prompts {
    static final String MARKER = "?";
    private static final int REMEMBERED = 2_000;
    static final Prompt FALLBACK = Prompt.note("Add a note", "What did you learn?", "Moving to Lisbon in May #travel");
    // Keyed by core's action verb (the action id up to its first colon).
    private static final Map<String, Prompt> FALLBACKS = Map.of(
            "irem",
                    Prompt.note(
                                    "Remember",
                                    "What should you remember about them?",
                                    "Leave it empty to keep what was said")
                            .leftEmptyAllowed(),
            "rnd",
                    Prompt.note("We met", "What did you learn?", "Training for a marathon; ask: how did the race go?")
                            .leftEmptyAllowed());

    private final Map<String, Prompt> byActionId = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prompt> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The custom id to give a button on Discord. */
    public String customId(Button button) {
        if (button.prompt().isEmpty()) {
            return button.actionId();
        }
        synchronized (byActionId) {
            byActionId.put(button.actionId(), button.prompt().get());
        }
        String marked = MARKER + button.actionId();
        return marked.length() <= Button.MAX_ACTION_ID ? marked : button.actionId();
    }

    /** The prompt to show for a clicked custom id, when the button asks for text first. */
    public Optional<Prompt> promptFor(String customId) {
        synchronized (byActionId) {
            Optional<Prompt> remembered = Optional.ofNullable(byActionId.get(actionId(customId)));
            // An unmarked id only asks when its marked form did not fit in 100 characters.
            return customId.startsWith(MARKER)
                    ? remembered.or(() -> Optional.of(FALLBACKS.getOrDefault(verb(actionId(customId)), FALLBACK)))
                    : remembered;
        }
    }

    /** The core action id behind a custom id. */
    public static String actionId(String customId) {
        return customId.startsWith(MARKER) ? customId.substring(MARKER.length()) : customId;
    }

    private static String verb(String actionId) {
        int colon = actionId.indexOf(':');
        return colon < 0 ? actionId : actionId.substring(0, colon);
    }
}
