/**
 * Data-subject rights (RIGHT-1..5): requests of access, rectification, erasure, restriction,
 * objection and portability, received from the customer's systems, its staff or the subject's
 * self-service page, decided by the customer (the controller) and carried out by the platform,
 * each against a legal deadline counted by the {@code deadlines} module in the tenant's calendar.
 *
 * <p>Personal data of a request (who asked, the subject's id, what was asked, the reasons told to
 * the requester) is sealed under a data key of the request itself, so the request file can be
 * crypto-shredded at the end of its retention while its skeleton (type, dates, steps) stays as
 * evidence that the request was answered in time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data-subject rights")
package dev.steward.rights;
