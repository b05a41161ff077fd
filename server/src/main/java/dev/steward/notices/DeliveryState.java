package dev.steward.notices;

/** PENDING until delivered; PARKED after the last attempt failed, until provider staff replay it. */
public enum DeliveryState {
    PENDING, DELIVERED, PARKED
}
