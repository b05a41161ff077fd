/**
 * Residency (STOR-1): personal data is stored and processed only in the countries a customer's
 * contract allows. Today: the {@link dev.steward.residency.NodeCountryGuard}, an access guard of the
 * records chain that refuses a tenant's accesses on a node outside its allowed countries. Transfer
 * approvals to third countries come with the rest of this feature.
 */
package dev.steward.residency;
