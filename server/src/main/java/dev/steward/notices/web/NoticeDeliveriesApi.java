package dev.steward.notices.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.notices.Delivery;
import dev.steward.notices.NoticeDeliveries;
import dev.steward.platform.Callers;

/** Provider staff: deliveries parked on any tenant, and their replay. */
@RestController
@RequestMapping("/api/v1/notice-deliveries")
class NoticeDeliveriesApi {

    record Parked(List<Delivery> items) {
    }

    private final NoticeDeliveries deliveries;

    NoticeDeliveriesApi(NoticeDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/parked")
    Parked parked() {
        return new Parked(deliveries.parked(Callers.current()));
    }

    @PostMapping("/{tenantId}/{deliveryId}/replay")
    Delivery replay(@PathVariable UUID tenantId, @PathVariable UUID deliveryId) {
        return deliveries.replay(Callers.current(), tenantId, deliveryId);
    }
}
