package dev.rapport.core.api;

import dev.rapport.core.reply.CaptureForm;
import dev.rapport.core.reply.Reply;

/** What opening a capture gives: the form to draw, or why there is none (a bot's message, say). */
public sealed interface CaptureOpening permits CaptureOpening.Open, CaptureOpening.Refused {
    /** The form, worded and filled in by core. */
    record Open(CaptureForm form) implements CaptureOpening {}

    /** A friendly reason; nothing was opened or saved. */
    record Refused(Reply reply) implements CaptureOpening {}
}
