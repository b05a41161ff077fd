package dev.steward.notices;

/** How a delivery reaches its recipient. */
public enum Channel {
    INBOX, EMAIL, WEBHOOK
}
