package dev.steward.console;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.steward.platform.Caller;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.platform.ConsolePage;

/**
 * The layout's model on every console page: who is signed in, and the menu entries the pages
 * contribute ({@link ConsolePage#menuEntries()}) that this caller may use, in order.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
class ConsoleModel {

    private final ObjectProvider<ConsolePage> pages;
    private volatile List<ConsoleMenuEntry> entries;

    ConsoleModel(ObjectProvider<ConsolePage> pages) {
        // the pages are controllers advised by this class: read them on first use, not at construction
        this.pages = pages;
    }

    @ModelAttribute("caller")
    Caller caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller c ? c : null;
    }

    @ModelAttribute("menu")
    List<ConsoleMenuEntry> menu() {
        Caller c = caller();
        if (c == null) {
            return List.of();
        }
        return entries().stream().filter(e -> e.visibleTo(c)).toList();
    }

    private List<ConsoleMenuEntry> entries() {
        List<ConsoleMenuEntry> known = entries;
        if (known == null) {
            known = pages.orderedStream().flatMap(p -> p.menuEntries().stream())
                    .sorted(Comparator.comparingInt(ConsoleMenuEntry::order).thenComparing(ConsoleMenuEntry::path))
                    .toList();
            entries = known;
        }
        return known;
    }
}
