package dev.steward.notices.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.notices.Inbox;
import dev.steward.notices.Notice;
import dev.steward.platform.Callers;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;

/** The caller's inbox over the API (a person's account; API tokens have none). */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApi {

    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    Page<Notice> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return inbox.list(Callers.current(), PageRequest.of(page, size));
    }

    @PostMapping("/{noticeId}/read")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Marked read")
    ResponseEntity<Void> markRead(@PathVariable UUID noticeId) {
        inbox.markRead(Callers.current(), noticeId);
        return ResponseEntity.noContent().build();
    }
}
