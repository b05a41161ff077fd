package dev.steward.notices;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** Only a parked delivery can be replayed; this one is pending or delivered, and stays as it is. */
public final class DeliveryNotParked extends ProblemException {

    public DeliveryNotParked(UUID deliveryId, DeliveryState state) {
        super("delivery-not-parked", HttpStatus.CONFLICT, "Delivery not parked",
                "delivery " + deliveryId + " is " + state + ", not PARKED", Map.of("state", state.name()));
    }
}
