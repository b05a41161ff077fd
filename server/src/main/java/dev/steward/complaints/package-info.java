/**
 * Complaints (RIGHT-6): a complaint received on the tenant's public complaint form, or by email or
 * post and recorded by customer or provider staff, is assigned to the provider's COMPLIANCE staff
 * (the DPO contact point), investigated, answered with an outcome and closed within one month of
 * receipt, counted by the {@code deadlines} module in the tenant's calendar; the complainant is told
 * of each stage by email. A complaint can point to the rights requests, incidents and records it is about.
 *
 * <p>A complaint lives in the tenant it concerns (the provider tenant when it is about the provider
 * itself), so the customer's administrators see what was complained of them. Its personal data (who
 * complained, what they wrote, the response, the notes of every step) is sealed under a data key of
 * the complaint.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package dev.steward.complaints;
