package dev.steward.keys;

/**
 * What {@link ErasureJournal#replay} found and destroyed again in a (restored) database.
 *
 * @param subjectKeysDestroyed data keys of journaled subjects that were present and are now deleted
 * @param tenantKeysDestroyed journaled tenants whose keys were present and are now deleted
 * @param receiptsRestored journal lines copied back into the {@code keys_erasure} table
 */
public record ReplayReport(int subjectKeysDestroyed, int tenantKeysDestroyed, int receiptsRestored) {
}
