package dev.rapport.app;

import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import java.util.function.BooleanSupplier;

/**
 * A started platform adapter: how to stop it, how core sends its direct messages through it, who is in its channels
 * (for pairing rounds), and whether it is connected now (for readiness).
 */
record Running(AutoCloseable stopper, DirectMessenger messenger, ChannelMembers members, BooleanSupplier connected) {}
