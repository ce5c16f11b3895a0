package dev.rapport.app;

import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;

/**
 * A started platform adapter: how to stop it, how core sends its direct messages through it, and who is in its
 * channels (for pairing rounds).
 */
record Running(AutoCloseable stopper, DirectMessenger messenger, ChannelMembers members) {}
