package dev.steward.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.identity.ApiToken;
import dev.steward.identity.IssuedToken;
import dev.steward.identity.TokenIssuer;
import dev.steward.platform.Callers;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.ShownOnce;
import dev.steward.platform.Role;

/** API tokens of the caller's tenant. The secret appears once, in the answer to POST. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApi {

    record TokenRequest(String name, Role role, Integer expiresInDays) {
    }

    record TokenView(UUID id, String name, Role role, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.role(), t.createdAt(), t.expiresAt(), t.revokedAt());
        }
    }

    record IssuedTokenView(TokenView token, String secret) {
        static IssuedTokenView of(IssuedToken t) {
            return new IssuedTokenView(TokenView.of(t.token()), t.secret());
        }
    }

    private final TokenIssuer issuer;

    TokenApi(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping
    Page<TokenView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return issuer.list(Callers.current(), PageRequest.of(page, size)).map(TokenView::of);
    }

    @PostMapping
    @ShownOnce("secret")
    @ApiResponse(responseCode = "201", description = "Issued; the secret is shown this once")
    ResponseEntity<IssuedTokenView> issue(@RequestBody TokenRequest request) {
        IssuedToken issued = issuer.issue(Callers.current(), request.name(), request.role(), request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id())).body(IssuedTokenView.of(issued));
    }

    @GetMapping("/{tokenId}")
    TokenView get(@PathVariable UUID tokenId) {
        return TokenView.of(issuer.get(Callers.current(), tokenId));
    }

    @DeleteMapping("/{tokenId}")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@PathVariable UUID tokenId) {
        issuer.revoke(Callers.current(), tokenId);
        return ResponseEntity.noContent().build();
    }
}
