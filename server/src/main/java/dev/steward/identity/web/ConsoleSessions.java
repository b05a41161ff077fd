package dev.steward.identity.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import dev.steward.identity.Account;
import dev.steward.platform.Caller;

/** Opens a console session for an account, at a level, remembering the account's security epoch. */
@Component
class ConsoleSessions {

    private final SecurityContextRepository contexts;

    ConsoleSessions(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    void signInAs(Account account, String level, HttpServletRequest request, HttpServletResponse response) {
        Caller caller = new Caller(account.tenantId(), account.id(), account.username(), account.role(),
                Caller.Kind.ACCOUNT);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
        authorities.add(new SimpleGrantedAuthority(level));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
        authentication.setDetails(new SessionEpoch(account.securityEpoch()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
