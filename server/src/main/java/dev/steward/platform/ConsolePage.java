package dev.steward.platform;

import java.util.List;

/**
 * Marks a controller that renders console pages, which get the layout's model (who is signed in,
 * the menu). API controllers are {@code @Controller}s too, and must not pay for it on every call.
 * A page that belongs in the main menu says so itself ({@link #menuEntries()}).
 */
public interface ConsolePage {

    /** The menu entries that lead to this controller's pages; none by default. */
    default List<ConsoleMenuEntry> menuEntries() {
        return List.of();
    }
}
