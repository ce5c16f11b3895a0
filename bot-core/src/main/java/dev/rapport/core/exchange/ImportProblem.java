package dev.rapport.core.exchange;

/** A file that cannot be imported at all, with the reason the user is told (naming the line where there is one). */
public final class ImportProblem extends RuntimeException {
    public ImportProblem(String reason) {
        super(reason, null, false, false);
    }
}
