package dev.steward.rights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.Secrets;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * Single-use, expiring download links for the results of requests. The file is sealed under the
 * request's key; the token is shown once, in the text for the requester, and stored as its
 * SHA-256 only. A link works once ({@link DownloadRows#take}) until it expires
 * ({@code steward.rights.download-life}, 7 days); the job {@code rights.forget-expired-downloads}
 * then deletes the row. Each download is in the system log.
 */
@Component
public class DownloadLinks {

    /** Who acts when a link is followed, as the system log names it. */
    static final String ACTOR = "data subject (download link)";

    /** A file handed out, opened. */
    public record File(String name, String contentType, byte[] content) {
    }

    private final DownloadRows rows;
    private final RequestSeal seal;
    private final TenantRegister tenants;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration life;
    private final String publicUrl;

    DownloadLinks(DownloadRows rows, RequestSeal seal, TenantRegister tenants, SystemLog log, TransactionTemplate tx,
            Clock clock, @Value("${steward.rights.download-life:P7D}") Duration life,
            @Value("${steward.public-url:https://localhost:8443}") String publicUrl) {
        this.rows = rows;
        this.seal = seal;
        this.tenants = tenants;
        this.log = log;
        this.tx = tx;
        this.clock = clock;
        this.life = life;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Stores the file sealed and answers what the requester is told: the link, shown this once. */
    public String issue(Caller caller, UUID request, String fileName, String contentType, byte[] content) {
        UUID tenant = caller.tenantId();
        Tenant t = tenants.find(tenant).orElseThrow();
        String token = Secrets.randomToken();
        UUID id = UUID.randomUUID();
        Instant now = now();
        Instant expires = now.plus(life);
        TenantScope.run(DataScope.tenant(tenant), () -> tx.executeWithoutResult(s -> {
            rows.insert(tenant, id, request, Secrets.sha256Hex(token), fileName, contentType,
                    seal.sealFile(tenant, request, id, content), now, expires);
            log.record(LogEvent.of(tenant, caller, "rights.download.issued")
                    .object("rights-request:" + request + "/download:" + id));
        }));
        return "Download your data here (the link works once and expires on " + expires.toString().substring(0, 10)
                + "):\n" + publicUrl + path(t.slug(), token);
    }

    /** The file behind the link, spending it; empty when the link is unknown, used or expired. */
    public Optional<File> take(UUID tenant, String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> rows
                .take(tenant, Secrets.sha256Hex(token), now()).map(f -> {
                    log.record(LogEvent.of(tenant, null, "rights.download.taken")
                            .object("rights-request:" + f.requestId() + "/download:" + f.id()).actorName(ACTOR));
                    return new File(f.fileName(), f.contentType(),
                            seal.openFile(tenant, f.requestId(), f.id(), f.content()));
                })));
    }

    /** Deletes expired links and their files, in every tenant. */
    public int forgetExpired() {
        return TenantScope.call(DataScope.wholeProvider(), () -> tx.execute(s -> rows.deleteExpired(now())));
    }

    static String path(String slug, String token) {
        return "/privacy/" + slug + "/downloads/" + token;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
