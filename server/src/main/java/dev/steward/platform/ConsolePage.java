package dev.steward.platform;

/**
 * Marks a controller that renders console pages, which get the layout's model (who is signed in,
 * the menu). API controllers are {@code @Controller}s too, and must not pay for it on every call.
 */
public interface ConsolePage {
}
