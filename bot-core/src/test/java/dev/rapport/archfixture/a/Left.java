package dev.rapport.core.archfixture.a;

import dev.rapport.core.archfixture.b.Right;

/** Half of a deliberate package cycle, which the cycle rule must reject (see CycleRuleFailsTest). */
public final class Left {
    public Right right() {
        return new Right();
    }
}
