package dev.rapport.core.cyclefixtureb;

import dev.rapport.core.cyclefixturea.Left;

/** The other half of a deliberate package cycle (see CycleRuleFailsTest). */
public final class Right {
    public Left left() {
        return new Left();
    }
}
