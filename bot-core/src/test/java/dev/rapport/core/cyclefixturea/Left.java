package dev.rapport.core.cyclefixturea;

import dev.rapport.core.cyclefixtureb.Right;

/** Half of a deliberate package cycle, which the cycle rule must reject (see CycleRuleFailsTest). */
public final class Left {
    public Right right() {
        return new Right();
    }
}
