package dev.steward.platform;

/**
 * One entry of the console's main menu, contributed by the page that it leads to
 * ({@link ConsolePage#menuEntries()}), so a new feature's page never edits the console's layout.
 *
 * @param summary one line for the dashboard's "what you can do", or null to show the entry in the menu only
 * @param permission the permission a caller needs to see the entry, or null for everyone signed in
 * @param order the position in the menu, lower first
 */
public record ConsoleMenuEntry(String path, String label, String summary, Permission permission, Audience audience,
        int order) {

    /** Whose tenant the entry is for. */
    public enum Audience { EVERYONE, PROVIDER_STAFF, CUSTOMERS }

    public static ConsoleMenuEntry of(String path, String label, Permission permission, int order) {
        return new ConsoleMenuEntry(path, label, null, permission, Audience.EVERYONE, order);
    }

    public ConsoleMenuEntry withSummary(String summary) {
        return new ConsoleMenuEntry(path, label, summary, permission, audience, order);
    }

    public ConsoleMenuEntry forAudience(Audience audience) {
        return new ConsoleMenuEntry(path, label, summary, permission, audience, order);
    }

    public boolean visibleTo(Caller caller) {
        boolean audienceFits = switch (audience) {
            case EVERYONE -> true;
            case PROVIDER_STAFF -> caller.isProvider();
            case CUSTOMERS -> !caller.isProvider();
        };
        return audienceFits && (permission == null || caller.role().allows(permission));
    }
}
