/**
 * Customer communications. Today one channel, the console inbox: {@link dev.steward.notices.Notices#tell}
 * writes a notice for roles of one tenant in the caller's transaction, and
 * {@link dev.steward.notices.Inbox} lists, counts and marks them read for each account. Email and
 * signed webhooks will be further channels behind the same call.
 */
package dev.steward.notices;
