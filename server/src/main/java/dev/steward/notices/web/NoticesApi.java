package dev.steward.notices.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.notices.Contact;
import dev.steward.notices.ContactKind;
import dev.steward.notices.Contacts;
import dev.steward.notices.Delivery;
import dev.steward.notices.IssuedWebhookSecret;
import dev.steward.notices.NoticeStatus;
import dev.steward.notices.Notices;
import dev.steward.notices.WebhookEndpoint;
import dev.steward.notices.WebhookEndpoints;
import dev.steward.platform.Callers;
import dev.steward.platform.ShownOnce;

/** The caller's tenant's notice contacts, webhook endpoints and deliveries. */
@RestController
@RequestMapping("/api/v1/notices")
class NoticesApi {

    record ContactRequest(ContactKind kind, String email) {
    }

    record WebhookRequest(String url) {
    }

    /** An endpoint with its signing secret, shown in this answer only. */
    record IssuedSecretView(WebhookEndpoint endpoint, String secret) {
        static IssuedSecretView of(IssuedWebhookSecret s) {
            return new IssuedSecretView(s.endpoint(), s.secret());
        }
    }

    record Deliveries(List<Delivery> items) {
    }

    record ContactList(List<Contact> items) {
    }

    record WebhookList(List<WebhookEndpoint> items) {
    }

    private final Notices notices;
    private final Contacts contacts;
    private final WebhookEndpoints webhooks;

    NoticesApi(Notices notices, Contacts contacts, WebhookEndpoints webhooks) {
        this.notices = notices;
        this.contacts = contacts;
        this.webhooks = webhooks;
    }

    @GetMapping("/{noticeId}")
    NoticeStatus status(@PathVariable UUID noticeId) {
        return notices.status(Callers.current(), noticeId);
    }

    @GetMapping("/deliveries")
    Deliveries recent() {
        return new Deliveries(notices.recentDeliveries(Callers.current(), 200));
    }

    @GetMapping("/contacts")
    ContactList listContacts() {
        return new ContactList(contacts.list(Callers.current()));
    }

    @PostMapping("/contacts")
    @ApiResponse(responseCode = "201", description = "Added")
    ResponseEntity<Contact> addContact(@RequestBody ContactRequest request) {
        Contact c = contacts.add(Callers.current(), request.kind(), request.email());
        return ResponseEntity.created(URI.create("/api/v1/notices/contacts/" + c.id())).body(c);
    }

    @DeleteMapping("/contacts/{contactId}")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> removeContact(@PathVariable UUID contactId) {
        contacts.remove(Callers.current(), contactId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/webhooks")
    WebhookList listWebhooks() {
        return new WebhookList(webhooks.list(Callers.current()));
    }

    @PostMapping("/webhooks")
    @ShownOnce("secret")
    @ApiResponse(responseCode = "201", description = "Created, unverified; the secret is shown this once")
    ResponseEntity<IssuedSecretView> createWebhook(@RequestBody WebhookRequest request) {
        IssuedWebhookSecret issued = webhooks.create(Callers.current(), request.url());
        return ResponseEntity.created(URI.create("/api/v1/notices/webhooks/" + issued.endpoint().id()))
                .body(IssuedSecretView.of(issued));
    }

    @GetMapping("/webhooks/{endpointId}")
    WebhookEndpoint getWebhook(@PathVariable UUID endpointId) {
        return webhooks.get(Callers.current(), endpointId);
    }

    @PostMapping("/webhooks/{endpointId}/verify")
    WebhookEndpoint verifyWebhook(@PathVariable UUID endpointId) {
        return webhooks.verify(Callers.current(), endpointId);
    }

    @PostMapping("/webhooks/{endpointId}/rotate-secret")
    @ShownOnce("secret")
    IssuedSecretView rotateSecret(@PathVariable UUID endpointId) {
        return IssuedSecretView.of(webhooks.rotate(Callers.current(), endpointId));
    }

    @DeleteMapping("/webhooks/{endpointId}")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> removeWebhook(@PathVariable UUID endpointId) {
        webhooks.remove(Callers.current(), endpointId);
        return ResponseEntity.noContent().build();
    }
}
