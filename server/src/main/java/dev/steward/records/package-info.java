/**
 * The encrypted personal-data store: records about data subjects, each a JSON document encrypted
 * under its subject's data key, subjects named only by pseudonyms, every access named with its
 * purpose and logged in the same transaction, and erasure of a subject by destroying its key.
 * Every access passes the chain of {@link dev.steward.records.AccessGuard}s, to which other
 * features contribute their own guards as beans.
 * Public API: {@link dev.steward.records.RecordStore}, {@link dev.steward.records.SubjectErasure},
 * {@link dev.steward.records.RecordTransfer}, {@link dev.steward.records.SubjectFlags},
 * {@link dev.steward.records.LegalHolds}, the hooks {@link dev.steward.records.AccessGuard} and
 * {@link dev.steward.records.PersonalDataAccessLog}, and their values.
 */
package dev.steward.records;
