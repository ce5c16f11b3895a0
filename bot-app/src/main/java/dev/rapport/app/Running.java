package dev.rapport.app;

import dev.rapport.core.port.DirectMessenger;

/** A started platform adapter: how to stop it, and how core sends its direct messages through it. */
record Running(AutoCloseable stopper, DirectMessenger messenger) {}
