package dev.steward.notices.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.notices.ContactExists;
import dev.steward.notices.ContactKind;
import dev.steward.notices.DeliveryNotParked;
import dev.steward.notices.Contacts;
import dev.steward.notices.NoticeDeliveries;
import dev.steward.notices.NoticePermissions;
import dev.steward.notices.Notices;
import dev.steward.notices.WebhookEndpoints;
import dev.steward.notices.WebhookUnverified;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;

/**
 * Console pages of notices: a customer's contacts, webhook endpoints (the secret shown on this one
 * answer only) and recent deliveries; provider staff's parked deliveries with their replay.
 */
@Controller
class NoticesConsole implements ConsolePage {

    private final Notices notices;
    private final Contacts contacts;
    private final WebhookEndpoints webhooks;
    private final NoticeDeliveries deliveries;

    NoticesConsole(Notices notices, Contacts contacts, WebhookEndpoints webhooks, NoticeDeliveries deliveries) {
        this.notices = notices;
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @GetMapping("/console/notices")
    String page(Model model) {
        var caller = Callers.current();
        model.addAttribute("contacts", contacts.list(caller));
        model.addAttribute("webhooks", webhooks.list(caller));
        model.addAttribute("deliveries", notices.recentDeliveries(caller, 100));
        model.addAttribute("kinds", ContactKind.values());
        return "notices";
    }

    @PostMapping("/console/notices/contacts")
    String addContact(@RequestParam(required = false) ContactKind kind, @RequestParam(required = false) String email,
            Model model) {
        try {
            contacts.add(Callers.current(), kind, email);
            model.addAttribute("done", "Contact added.");
        } catch (InvalidField | ContactExists e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }

    @PostMapping("/console/notices/contacts/{contactId}/remove")
    String removeContact(@PathVariable UUID contactId) {
        contacts.remove(Callers.current(), contactId);
        return "redirect:/console/notices";
    }

    @PostMapping("/console/notices/webhooks")
    String addWebhook(@RequestParam(required = false) String url, Model model) {
        try {
            model.addAttribute("issued", webhooks.create(Callers.current(), url));
        } catch (InvalidField e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }

    @PostMapping("/console/notices/webhooks/{endpointId}/verify")
    String verify(@PathVariable UUID endpointId, Model model) {
        try {
            webhooks.verify(Callers.current(), endpointId);
            model.addAttribute("done", "Endpoint verified: it now receives notices.");
        } catch (WebhookUnverified e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }

    @PostMapping("/console/notices/webhooks/{endpointId}/rotate")
    String rotate(@PathVariable UUID endpointId, Model model) {
        model.addAttribute("issued", webhooks.rotate(Callers.current(), endpointId));
        return page(model);
    }

    @PostMapping("/console/notices/webhooks/{endpointId}/remove")
    String removeWebhook(@PathVariable UUID endpointId) {
        webhooks.remove(Callers.current(), endpointId);
        return "redirect:/console/notices";
    }

    @GetMapping("/console/notice-deliveries")
    String parked(Model model) {
        model.addAttribute("parked", deliveries.parked(Callers.current()));
        return "notice-deliveries";
    }

    @PostMapping("/console/notice-deliveries/{tenantId}/{deliveryId}/replay")
    String replay(@PathVariable UUID tenantId, @PathVariable UUID deliveryId, Model model) {
        try {
            deliveries.replay(Callers.current(), tenantId, deliveryId);
            model.addAttribute("done", "Delivery " + deliveryId + " replayed: it is due now.");
        } catch (DeliveryNotParked e) {
            model.addAttribute("error", e.getMessage());
        }
        return parked(model);
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(
                ConsoleMenuEntry.of("/console/notices", "Notices", NoticePermissions.NOTICES_MANAGE, 85)
                        .withSummary("who is told what: contacts, webhooks, deliveries.")
                        .forAudience(ConsoleMenuEntry.Audience.CUSTOMERS),
                ConsoleMenuEntry.of("/console/notice-deliveries", "Notice deliveries", NoticePermissions.NOTICES_REPLAY, 86)
                        .withSummary("parked notice deliveries, and their replay.")
                        .forAudience(ConsoleMenuEntry.Audience.PROVIDER_STAFF));
    }
}
