/**
 * The server's key wiring: the local master key (opened early, off the start's critical path),
 * the erasure journal replayed at every start, the key hierarchy and the envelope encryptor of the
 * {@code keys} module as beans, and {@link dev.steward.keyring.TenantKeyring}, through which
 * features seal their own fields. {@code records}, {@code evidence} and {@code identity} depend on
 * it; it depends on no feature.
 */
package dev.steward.keyring;
