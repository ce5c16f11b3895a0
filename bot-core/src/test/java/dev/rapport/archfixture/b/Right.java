package dev.rapport.core.archfixture.b;

import dev.rapport.core.archfixture.a.Left;

/** The other half of a deliberate package cycle (see CycleRuleFailsTest). */
public final class Right {
    public Left left() {
        return new Left();
    }
}
