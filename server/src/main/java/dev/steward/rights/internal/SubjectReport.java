package dev.steward.rights.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dev.steward.records.LegalHold;
import dev.steward.records.RevealedRecord;

/**
 * What an access report tells the subject (Art. 15 GDPR), in memory only while the report's files
 * are written: their records decrypted, and what is known about them by category.
 */
record SubjectReport(String tenantName, UUID requestId, Instant generatedAt, String subjectId,
        List<RevealedRecord> records, Keeping keeping) {

    /**
     * What decides where and how long the records are kept: the countries of the organisation's contract with
     * the service, the contract's end (null when open-ended), and the legal holds on the subject.
     */
    record Keeping(List<String> storageCountries, LocalDate contractEnd, List<LegalHold> holds) {

        static final Keeping UNKNOWN = new Keeping(List.of(), null, List.of());
    }

    /** Steward keeps no disclosure register yet: the report says so rather than claiming there are no recipients. */
    static final String RECIPIENTS_NOTE = "No register of disclosures is kept in this service yet, so no recipients"
            + " can be listed here; ask the organisation which recipients received your data.";
    static final String TRANSFERS_NOTE = "The service stores and processes your data only on servers in the countries"
            + " the organisation's contract allows; it records no transfer to another country.";
    static final String RETENTION_NOTE = "Records are kept until the organisation deletes them, your data is erased,"
            + " or its contract with the service ends (then all its data is destroyed); no shorter period is set per"
            + " category in this service.";

    /** Where the data is stored and processed, in words. */
    String transfers() {
        if (keeping.storageCountries().isEmpty()) {
            return TRANSFERS_NOTE;
        }
        return "Your data is stored and processed only in " + String.join(", ", keeping.storageCountries())
                + " (the countries of the organisation's contract with the service); no transfer to another country"
                + " is recorded.";
    }

    /** How long the records are kept, in words: the general rule, the contract's end, each legal hold. */
    String retention() {
        StringBuilder s = new StringBuilder(RETENTION_NOTE);
        if (keeping.contractEnd() != null) {
            s.append(" The organisation's contract with the service runs until ").append(keeping.contractEnd())
                    .append(".");
        }
        for (LegalHold h : keeping.holds()) {
            s.append(" Kept under a legal hold since ").append(h.placedAt().atOffset(ZoneOffset.UTC).toLocalDate())
                    .append(h.recordId() == null ? " (all your records)" : " (record " + h.recordId() + ")")
                    .append(": ").append(h.reason()).append(".");
        }
        return s.toString();
    }

    /** One category of the subject's records: how many, for which purposes, from which sources. */
    record Category(String name, int records, List<String> purposes, List<String> sources) {
    }

    List<Category> categories() {
        Map<String, List<RevealedRecord>> by = new TreeMap<>();
        for (RevealedRecord r : records) {
            by.computeIfAbsent(r.info().category(), c -> new ArrayList<>()).add(r);
        }
        List<Category> out = new ArrayList<>();
        by.forEach((name, rs) -> {
            TreeSet<String> purposes = new TreeSet<>();
            TreeSet<String> sources = new TreeSet<>();
            for (RevealedRecord r : rs) {
                purposes.add(r.info().purpose().name());
                sources.add(r.info().source().name());
            }
            out.add(new Category(name, rs.size(), List.copyOf(purposes), List.copyOf(sources)));
        });
        return out;
    }

    @Override
    public String toString() {
        return "SubjectReport[" + requestId + ", " + records.size() + " records, redacted]";
    }
}
