package dev.steward.notices.internal;

import dev.steward.notices.Delivery;

/**
 * Told of each send the receiver accepted, before its receipt is recorded: the instant at which a
 * crash makes the worker send again. The crash test dies here; nothing in production implements it.
 */
public interface SentObserver {

    void sent(Delivery delivery);
}
