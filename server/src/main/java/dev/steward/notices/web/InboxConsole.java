package dev.steward.notices.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dev.steward.notices.Inbox;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.PageRequest;
import java.util.List;
import dev.steward.platform.ConsoleMenuEntry;

/** The console inbox: notices for the signed-in person's role in their organisation, unread first counted. */
@Controller
class InboxConsole implements ConsolePage {

    private final Inbox inbox;

    InboxConsole(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/console/inbox")
    String list(Model model) {
        var caller = Callers.current();
        model.addAttribute("notices", inbox.list(caller, PageRequest.of(0, 200)));
        model.addAttribute("unread", inbox.unread(caller));
        return "inbox";
    }

    @PostMapping("/console/inbox/{noticeId}/read")
    String markRead(@PathVariable UUID noticeId) {
        inbox.markRead(Callers.current(), noticeId);
        return "redirect:/console/inbox";
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/inbox", "Inbox", null, 80));
    }
}
