package dev.rapport.slack;

import dev.rapport.core.reply.TextFit;

/** Slack's Block Kit limits that Rapport's replies must fit. */
final class Limits {
    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;
    static final int SECTION_TEXT = 3000;
    static final int FIELDS_PER_SECTION = 10;
    static final int FIELD_TEXT = 2000;
    static final int ACTIONS_PER_BLOCK = 25;
    static final int HEADER_TEXT = 150;
    static final int BUTTON_TEXT = 75;
    static final int FALLBACK_TEXT = 3000;
    static final int MODAL_TITLE = 24;
    static final int INPUT_LABEL = 2000;
    static final int PLACEHOLDER = 150;
    static final int OPTION_TEXT = 75;
    static final int OPTION_VALUE = 150;
    static final int OPTIONS = 100;
    static final int INPUT_MAX = 3000;
    static final int PRIVATE_METADATA = 3000;

    private Limits() {}

    /** Plain text cut to a limit, without a pointer: for titles and labels. */
    static String clip(String text, int max) {
        return TextFit.cut(text, max, "");
    }
}
