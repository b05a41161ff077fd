package dev.steward.rights.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.rights.SelfService;
import dev.steward.rights.internal.DownloadLinks;

/**
 * The requester's download of a request's result, by the single-use link emailed to them (no
 * account). The GET itself spends the link: the file is what the link is for, and a mail scanner
 * that fetches it first leaves the requester a clear "no longer valid" (they may ask again).
 * Unknown, used and expired links are one 410 problem that reveals nothing.
 */
@RestController
class DownloadPage {

    private final SelfService selfService;

    DownloadPage(SelfService selfService) {
        this.selfService = selfService;
    }

    @GetMapping("/privacy/{slug}/downloads/{token}")
    @Operation(summary = "Download a request's result once, by the link emailed to the requester")
    @ApiResponse(responseCode = "200", description = "The file (a zip); the link is spent")
    @ApiResponse(responseCode = "410", description = "privacy-link-invalid: unknown, used or expired")
    ResponseEntity<byte[]> download(@PathVariable String slug, @PathVariable String token) {
        DownloadLinks.File file = selfService.download(slug, token);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build()
                        .toString())
                .body(file.content());
    }
}
